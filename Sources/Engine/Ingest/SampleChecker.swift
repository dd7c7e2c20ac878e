import CameraAlerts
import FaceMatch
import Foundation
import SocialFlags
import VigiaCore

/// Validates a sample-data folder against the schemas, with file and line
/// for every problem. Entries that are well-formed but out of scope (a
/// watchlist entry without a court order) are notices, not errors: the engine
/// must refuse them, and the demo shows it does.
public struct SampleChecker {
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
    }

    public struct Report: Sendable {
        public var errors: [Finding] = []
        public var notices: [Finding] = []
        public var counts: [String: Int] = [:]
        public var isValid: Bool { errors.isEmpty }
    }

    let timeZone: TimeZone
    /// When the watchlist's court orders are checked (the sample shift's start).
    let ordersAt: Date

    public init(timeZone: TimeZone, ordersAt: Date) {
        self.ordersAt = ordersAt
        self.timeZone = timeZone
    }

    public func check(_ folder: URL) -> Report {
        var report = Report()
        func read(_ name: String) -> Data? {
            let url = folder.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else {
                report.errors.append(Finding(file: name, line: nil, message: "missing or unreadable"))
                return nil
            }
            return data
        }
        var cameraIDs: Set<String>?
        if let data = read("cameras.json") {
            do {
                let cameras = try CameraRegistryFile.decode(data, source: "cameras.json")
                cameraIDs = Set(cameras.map(\.id))
                report.counts["cameras"] = cameras.count
            } catch { report.errors.append(Finding(file: "cameras.json", line: nil, message: "\(error)")) }
        }
        var entryIDs = Set<String>()
        if let data = read("watchlist.json") {
            do {
                let contents = try WatchlistFile.decode(data, source: "watchlist.json", timeZone: timeZone)
                report.counts["watchlist_entries"] = contents.records.count
                report.counts["watchlist_templates"] = contents.records.reduce(0) { $0 + $1.templates.count }
                for r in contents.records {
                    entryIDs.insert(r.id)
                    if let problem = r.scopeProblem(at: ordersAt) {
                        report.notices.append(Finding(file: "watchlist.json", line: nil, message: "\(r.id): \(problem)"))
                    }
                }
            } catch { report.errors.append(Finding(file: "watchlist.json", line: nil, message: "\(error)")) }
        }
        let events = CameraEventDecoder(timeZone: timeZone, cameras: cameraIDs)
        checkLines(read("camera-events.jsonl"), file: "camera-events.jsonl", into: &report) { line in
            _ = try events.decode(line: line)
        }
        checkLines(read("face-calibration.jsonl"), file: "face-calibration.jsonl", into: &report) { line in
            let probe = try CalibrationProbe.decode(line: line, dimension: 512)
            if let mated = probe.matedEntry, !entryIDs.contains(mated) {
                throw FieldError(code: "unknown_entry", field: "mated", message: "no watchlist entry \(mated)")
            }
        }
        let posts = PostDecoder(timeZone: timeZone)
        var postIDs = Set<String>()
        checkLines(read("posts.jsonl"), file: "posts.jsonl", into: &report) { line in
            let post = try posts.decode(line: line)
            guard postIDs.insert(post.id).inserted else {
                throw FieldError(code: "duplicate", field: "id", message: "post \(post.id) appears twice")
            }
        }
        if let data = read("posts-labels.csv") {
            checkLabels(data, postIDs: postIDs, into: &report)
        }
        if let data = read("operators.json") {
            do { report.counts["operators"] = try OperatorsFile.decode(data, source: "operators.json").count } catch {
                report.errors.append(Finding(file: "operators.json", line: nil, message: "\(error)"))
            }
        }
        return report
    }

    private func checkLines(_ data: Data?, file: String, into report: inout Report, _ body: (ArraySlice<UInt8>) throws -> Void) {
        guard let data else { return }
        let bytes = [UInt8](data)
        var count = 0, lineNumber = 0, start = 0
        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
            count += 1
            do { try body(line) } catch {
                if report.errors.filter({ $0.file == file }).count < 50 {
                    report.errors.append(Finding(file: file, line: lineNumber, message: "\(error)"))
                }
            }
        }
        report.counts[file] = count
    }

    private func checkLabels(_ data: Data, postIDs: Set<String>, into report: inout Report) {
        let expected = ["id", "label", "category", "protected", "family", "split"]
        var labelled = Set<String>()
        CSVReader(bytes: [UInt8](data)).forEachRecord { r in
            let fields = (0..<r.count).map { r.string($0) ?? "" }
            if r.line == 1 {
                if fields != expected {
                    report.errors.append(Finding(file: "posts-labels.csv", line: 1, message: "expected header \(expected.joined(separator: ","))"))
                }
                return true
            }
            func bad(_ m: String) { report.errors.append(Finding(file: "posts-labels.csv", line: r.line, message: m)) }
            guard fields.count == expected.count else { bad("expected \(expected.count) fields"); return true }
            if !postIDs.contains(fields[0]) { bad("no post \(fields[0]) in posts.jsonl") }
            labelled.insert(fields[0])
            let categories = Set(ThreatCategory.allCases.map(\.rawValue))
            switch fields[1] {
            case "threat": if !categories.contains(fields[2]) { bad("a threat needs a category (\(categories.sorted().joined(separator: ", ")))") }
            case "none": if fields[2] != "none" { bad("a post that is no threat has category none") }
            default: bad("label must be threat or none")
            }
            if !["yes", "no"].contains(fields[3]) { bad("protected must be yes or no") }
            if fields[1] == "threat" && fields[3] == "yes" { bad("a threat cannot be protected speech") }
            if !["dev", "holdout"].contains(fields[5]) { bad("split must be dev or holdout") }
            return true
        }
        for id in postIDs.subtracting(labelled).sorted().prefix(10) {
            report.errors.append(Finding(file: "posts-labels.csv", line: nil, message: "post \(id) has no label"))
        }
    }
}
