import Foundation

/// Runs the built `vigia` binary as a user would, with no terminal on stdin.
struct VigiaProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary under test: `VIGIA_EXECUTABLE` when set (the reliability
    /// scripts point it at a release build), else the one built with the tests.
    static var executable: URL {
        if let chosen = ProcessInfo.processInfo.environment["VIGIA_EXECUTABLE"], !chosen.isEmpty {
            return URL(fileURLWithPath: chosen)
        }
        // The test bundle sits beside the products of the same build.
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: me).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("vigia").path), dir.path != "/" {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("vigia")
    }

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A started process; `finish()` reads its output and waits for it.
    struct Running {
        let process: Process
        let out: Pipe, err: Pipe
        func finish() -> Result {
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                          stderr: String(decoding: stderr, as: UTF8.self))
        }
    }

    static func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = repository
        var env = ProcessInfo.processInfo.environment
        env["VIGIA_PASSPHRASE"] = nil
        env["VIGIA_NEW_PASSPHRASE"] = nil
        env["VIGIA_CONFIG"] = ""
        for k in ["VIGIA_DB", "VIGIA_OPERATOR", "VIGIA_THEME", "VIGIA_LANG", "VIGIA_ASCII"] { env[k] = nil }
        for (k, v) in extra { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, out: out, err: err)
    }

    /// Runs the binary with the caller's environment, minus passphrases and
    /// per-user defaults (no config file, no `VIGIA_DB`…), plus `extra`; the
    /// names in `unset` are removed last.
    static func run(_ arguments: [String], environment extra: [String: String] = [:], unset: [String] = []) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = repository
        var env = ProcessInfo.processInfo.environment
        env["VIGIA_PASSPHRASE"] = nil
        env["VIGIA_NEW_PASSPHRASE"] = nil
        env["VIGIA_CONFIG"] = ""
        for k in ["VIGIA_DB", "VIGIA_OPERATOR", "VIGIA_THEME", "VIGIA_LANG", "VIGIA_ASCII"] { env[k] = nil }
        for (k, v) in extra { env[k] = v }
        for k in unset { env[k] = nil }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A temporary folder for one test's database and files.
final class Scratch {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigia-cli-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: folder) }
    var db: String { folder.appendingPathComponent("cli.sqlite").path }
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
