import Foundation
import SocialFlags
import VigiaCore

/// The shift's 3,000 posts, decoded from JSON lines and classified, ten
/// passes per repeat, one thread; then the same through the feed into the
/// database (only flagged posts stored).
public enum SocialBench {
    public static func run(sampleData: URL, repeats: Int) throws -> BenchReport {
        let file = sampleData.appendingPathComponent("posts.jsonl")
        let data = try Data(contentsOf: file)
        let lines = data.split(separator: UInt8(ascii: "\n"))
        let decoder = PostDecoder(timeZone: try TimeZone.named(TimeParser.defaultTimeZoneIdentifier))
        let classifier = ThreatClassifier()
        let passes = 10
        var rates: [Double] = [], classifyOnly: [Double] = [], flagged = 0
        let posts = try lines.map { try decoder.decode(line: $0) }
        for _ in 0..<repeats {
            var start = DispatchTime.now().uptimeNanoseconds
            flagged = 0
            for _ in 0..<passes {
                for line in lines where classifier.assess(try decoder.decode(line: line).text).flagged { flagged += 1 }
            }
            rates.append(Double(lines.count * passes) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<passes { for p in posts { _ = classifier.assess(p.text) } }
            classifyOnly.append(Double(posts.count * passes) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        }
        var feed: [Double] = []
        for _ in 0..<repeats {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let engine = try Engine(databasePath: folder.appendingPathComponent("bench.sqlite").path)
            guard let handle = FileHandle(forReadingAtPath: file.path) else { continue }
            feed.append(try engine.ingestPosts(from: handle, source: file.lastPathComponent).postsPerSecond)
        }
        let params: [String: BenchParam] = ["posts": .int(lines.count), "passes": .int(passes), "flagged_per_pass": .int(flagged / passes),
                                            "threads": .int(1), "repeats": .int(repeats)]
        return BenchReport(suite: "social", results: [
            BenchResult(name: "decode_classify", unit: "posts/s", value: median(rates), params: params),
            BenchResult(name: "classify_only", unit: "posts/s", value: median(classifyOnly), params: params),
            BenchResult(name: "feed_to_database", unit: "posts/s", value: median(feed), params: params),
        ])
    }
}
