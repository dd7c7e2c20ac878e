import Foundation
import Testing

/// `summary` without `--shift` after a finished shift (the headless demo,
/// a quiet start): it summarises the last shift that has alerts and says so,
/// instead of an empty report for today (issue 23).
@Suite("summary picks the last shift with data")
struct SummaryDefaultShiftTests {
    @Test("alerts two days ago, none today: the summary is of their shift, and stderr says so")
    func lastShiftWithAlerts() throws {
        let room = try Room()
        let (then, _) = try room.alertTwoDaysAgo(track: "old")
        #expect(try room.count("SELECT count(*) FROM alert") == 1)

        let r = try room.run(["summary", "--operator", "sergio", "--format", "json"], as: "sergio")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("has no alerts yet") && r.stderr.contains("last shift"), "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let shift = try #require(json["shift"] as? [String: Any])
        let start = try #require(shift["start"] as? String)
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        f.timeZone = TimeZone(identifier: "America/Argentina/Buenos_Aires")
        let startDay = Date(timeIntervalSince1970: then - 8 * 3600), endDay = Date(timeIntervalSince1970: then)
        #expect(start.hasPrefix(f.string(from: endDay)) || start.hasPrefix(f.string(from: startDay)), "\(start)")
        #expect(r.stdout.contains("\"created\":1") || r.stdout.contains("\"created\" : 1"), "\(r.stdout.prefix(600))")

        // With --shift nothing moves and nothing is said.
        let today = try room.run(["summary", "--operator", "sergio", "--shift", "\(Room.time(-60))/\(Room.time(1))"], as: "sergio")
        #expect(today.status == 0 && !today.stderr.contains("last shift"), "\(today.stderr)")
    }
}
