import Foundation
import GRDB
import Testing
@testable import Engine
import VigiaCore

/// A feed file that stopped part-way (a crash, a kill) picks up after its
/// last committed line: nothing lost, nothing counted twice, and the alerts
/// are the ones an uninterrupted run makes.
@Suite("Feed resume", .serialized)
struct FeedResumeTests {
    func prepared() throws -> EngineFixture {
        let f = try EngineFixture()
        let root = try f.admin()
        _ = try f.engine.ingestCameras(at: EngineFixture.sampleData.appendingPathComponent("cameras.json"))
        let rules = try String(contentsOf: EngineFixture.sampleData.appendingPathComponent("alert-rules.conf"), encoding: .utf8)
        _ = try f.engine.loadRules(text: rules, source: "alert-rules.conf", by: root)
        return f
    }

    func alerts(_ f: EngineFixture) throws -> [String] {
        try DatabaseQueue(path: f.databasePath).read { db in
            try String.fetchAll(db, sql: "SELECT rule_id || '|' || coalesce(camera_id, '') || '|' || created_at || '|' || title FROM alert ORDER BY created_at, rule_id, camera_id")
        }
    }

    @Test("camera events: a run cut after 20,000 lines, then the whole file, equals one uninterrupted run")
    func events() throws {
        let lines = try String(contentsOf: EngineFixture.sampleData.appendingPathComponent("camera-events.jsonl"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let whole = try prepared()
        let full = try whole.file("camera-events.jsonl", lines.joined(separator: "\n"))
        _ = try whole.engine.ingestEvents(from: try FileHandle(forReadingFrom: full), source: "camera-events.jsonl", batchLines: 1_000)

        let cut = try prepared()
        // The file as it was when the first run stopped: its first 20,000 lines.
        let part = try cut.file("part.jsonl", lines.prefix(20_000).joined(separator: "\n") + "\n")
        let first = try cut.engine.ingestEvents(from: try FileHandle(forReadingFrom: part), source: "camera-events.jsonl", batchLines: 1_000)
        #expect(first.resumedAfterLine == 0 && first.lines == 20_000)
        let rest = try cut.engine.ingestEvents(from: try FileHandle(forReadingFrom: try cut.file("camera-events.jsonl", lines.joined(separator: "\n"))),
                                               source: "camera-events.jsonl", batchLines: 1_000)
        #expect(rest.resumedAfterLine == 20_000 && rest.lines == (lines.last == "" ? lines.count - 1 : lines.count) - 20_000)
        #expect(try alerts(cut) == alerts(whole), "the resumed run's alerts differ from the uninterrupted run's")
        #expect(try cut.engine.alerts.counters(period: nil) == whole.engine.alerts.counters(period: nil), "counters double-counted or lost")

        // The same file again changes nothing; a different file under the same name starts from its top.
        let again = try cut.engine.ingestEvents(from: try FileHandle(forReadingFrom: try cut.file("camera-events.jsonl", lines.joined(separator: "\n"))),
                                                source: "camera-events.jsonl")
        #expect(again.lines == 0 && again.alerts == 0)
        let other = try cut.file("other.jsonl", #"{"camera":"CAM-001","time":"2018-11-16T10:00:00-03:00","type":"heartbeat"}"# + "\n")
        #expect(try cut.engine.ingestEvents(from: try FileHandle(forReadingFrom: other), source: "camera-events.jsonl").lines == 1)
    }

    @Test("posts: a resumed file neither loses nor repeats flags")
    func posts() throws {
        let lines = try String(contentsOf: EngineFixture.sampleData.appendingPathComponent("posts.jsonl"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let whole = try prepared()
        _ = try whole.engine.ingestPosts(from: try FileHandle(forReadingFrom: try whole.file("posts.jsonl", lines.joined(separator: "\n"))), source: "posts.jsonl")
        let cut = try prepared()
        _ = try cut.engine.ingestPosts(from: try FileHandle(forReadingFrom: try cut.file("posts.jsonl", lines.prefix(1_234).joined(separator: "\n") + "\n")),
                                       source: "posts.jsonl", batchLines: 100)
        let rest = try cut.engine.ingestPosts(from: try FileHandle(forReadingFrom: try cut.file("posts.jsonl", lines.joined(separator: "\n"))), source: "posts.jsonl")
        #expect(rest.resumedAfterLine == 1_234)
        let ids = { (f: EngineFixture) in try f.engine.social.flags(states: nil).map(\.post.id).sorted() }
        #expect(try ids(cut) == ids(whole) && Set(try ids(cut)).count == (try ids(cut)).count)
        #expect(try cut.engine.alerts.counters(period: nil)["posts.classified"] == whole.engine.alerts.counters(period: nil)["posts.classified"])
        #expect(try alerts(cut) == alerts(whole), "surge alerts differ")
    }
}
