import Foundation
import VigiaCore

/// One process reads a feed source at a time. The claim is a row beside the
/// feed's position, set by compare-and-set; it names the host, the process
/// id and the process's start time, so a claim left by a killed process is
/// recognised as dead and taken over (a reused process id has another start
/// time). Released when the run ends, however it ends.
final class FeedClaim {
    let store: any AlertRepository
    let source: String
    let holder: String

    init(source: String, store: any AlertRepository) throws {
        self.store = store
        self.source = source
        holder = Self.me
        if let other = try store.claimFeed(source: source, holder: holder, isAlive: Self.isAlive) {
            let parts = other.split(separator: " ")
            let who = parts.count >= 2 ? "process \(parts[1]) on \(parts[0])" : other
            throw EngineError.badInput(file: source, line: nil, field: nil,
                                       reason: "is being read by another vigia process (\(who)); wait for it to finish or stop it, then run again: it resumes where that one committed")
        }
    }

    deinit { try? store.releaseFeed(source: source, holder: holder) }

    static var hostName: String { ProcessInfo.processInfo.hostName }

    static var me: String {
        let pid = getpid()
        return "\(hostName) \(pid) \(startTime(of: pid) ?? "0")"
    }

    /// Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot.
    static func startTime(of pid: Int32) -> String? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3, so start time (22) is the 20th here.
        return fields.count > 19 ? String(fields[19]) : nil
    }

    /// A claim from this host is alive while its process runs with the same start time; one from another host is honoured.
    static func isAlive(_ holder: String) -> Bool {
        let parts = holder.split(separator: " ").map(String.init)
        guard parts.count == 3, let pid = Int32(parts[1]) else { return false }
        guard parts[0] == hostName else { return true }
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        return startTime(of: pid) == parts[2]
    }
}
