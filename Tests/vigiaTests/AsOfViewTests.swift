import Foundation
import Testing

/// A past time is a view of the store as it stood then (issue 23: "a
/// finished shift cannot be explored"): an alert closed since shows as it was.
@Suite("Views as of a past time", .serialized)
struct AsOfViewTests {
    @Test("alerts list --at: an alert closed later is open then, in its state then; one raised later is not there yet")
    func alertsAsOf() throws {
        let room = try Room()
        let (then, id) = try room.alertTwoDaysAgo()
        #expect(try room.run(["alerts", "act", "acknowledge", String(id), "--operator", "dina"], as: "dina").status == 0)
        let closed = try room.run(["alerts", "close", String(id), "--disposition", "attended", "--operator", "dina"], as: "dina")
        try #require(closed.status == 0, "\(closed.stderr)")

        func list(_ at: Double?) throws -> (ids: [Int], states: [String], counts: [String: Int]) {
            let r = try room.run(["alerts", "list", "--format", "json"] + (at.map { ["--at", Room.local($0)] } ?? []))
            #expect(r.status == 0, "\(r.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let items = (json["items"] as? [[String: Any]] ?? []).compactMap { ($0["stored"] as? [String: Any])?["alert"] as? [String: Any] }
            return (items.compactMap { $0["id"] as? Int }, items.compactMap { $0["state"] as? String }, json["countsByState"] as? [String: Int] ?? [:])
        }
        let now = try list(nil)
        #expect(now.ids.isEmpty && now.counts == ["closed": 1], "today the alert is closed: \(now)")
        let past = try list(then + 90)
        #expect(past.ids == [id] && past.states == ["new"], "90 s after it was raised it was new: \(past)")
        #expect(past.counts == ["new": 1], "the counts are as of then too: \(past.counts)")
        let before = try list(then - 60)
        #expect(before.ids.isEmpty && before.counts.isEmpty, "a minute before, it did not exist: \(before)")
    }
}
