import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Mosquitto broker of a test's own, on a free loopback port, anonymous,
/// nothing persisted; stopped when the test ends. Debian's `mosquitto` and
/// `mosquitto-clients` packages; `.ci/run` installs them when missing.
final class MosquittoBroker {
    static func tool(_ name: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/sbin:/usr/bin:/sbin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether the broker and its clients are installed (tests say "skipped" otherwise).
    static var available: Bool { tool("mosquitto") != nil && tool("mosquitto_sub") != nil && tool("mosquitto_pub") != nil }

    let port: Int
    let folder: URL
    private let process = Process()

    init(folder: URL) throws {
        self.folder = folder
        port = try Self.freePort()
        let conf = folder.appendingPathComponent("mosquitto.conf")
        try "listener \(port) 127.0.0.1\nallow_anonymous true\npersistence false\n".write(to: conf, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: Self.tool("mosquitto")!)
        process.arguments = ["-c", conf.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Ready when a publish goes through (the broker binds asynchronously).
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if try publish(topic: "vigia/ping", message: "1") { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        stop()
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "mosquitto did not start on port \(port)"])
    }

    deinit { stop() }

    /// SIGKILL: a test runner may start children with SIGTERM blocked, and
    /// the broker keeps nothing worth a clean exit.
    func stop() { Self.kill(process) }

    static func kill(_ p: Process) {
        guard p.isRunning else { return }
        _ = Glibc.kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
    }

    /// One message, as Frigate would publish it; true when the broker took it.
    @discardableResult
    func publish(topic: String, message: String) throws -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.tool("mosquitto_pub")!)
        p.arguments = ["-h", "127.0.0.1", "-p", String(port), "-q", "1", "-t", topic, "-m", message]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    /// `mosquitto_sub -v -t 'frigate/#'` with its output into `into`: the README's production pipe.
    func subscribe(into pipe: Pipe) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.tool("mosquitto_sub")!)
        p.arguments = ["-h", "127.0.0.1", "-p", String(port), "-v", "-q", "1", "-t", "frigate/#"]
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// A loopback port nobody listens on now (the kernel picks it).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
