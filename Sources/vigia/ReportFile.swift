import ArgumentParser
import Engine
import Foundation
import VigiaCore

/// Writes an export readable by its owner only (0600): reports can hold
/// names of operators and decisions, so they are as private as the database.
enum ReportFile {
    static func write(_ text: String, to path: String) throws {
        let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ReportFileError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        fchmod(fd, 0o600)
        let data = Array(text.utf8)
        var written = 0
        while written < data.count {
            let n = data[written...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReportFileError(path: path, reason: String(cString: strerror(errno)))
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw ReportFileError(path: path, reason: String(cString: strerror(errno))) }
    }
}

struct ReportFileError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): cannot write the report: \(reason)" }
}

enum ReportOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case md, json, html
}

/// Prints or writes (0600) a report in the chosen format.
enum ReportOutput {
    static func emit<T: Encodable>(blocks: [ReportBlock], value: T, format: ReportOutputFormat, out: String?) throws {
        let text: String
        switch format {
        case .md: text = ReportRenderer.markdown(blocks)
        case .html: text = ReportRenderer.html(blocks)
        case .json: text = try Output.json(value) + "\n"
        }
        if let out { try ReportFile.write(text, to: out) } else { print(text, terminator: text.hasSuffix("\n") ? "" : "\n") }
    }
}
