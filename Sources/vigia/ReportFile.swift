import ArgumentParser
import Engine
import Foundation

/// Writes an export readable by its owner only (0600): reports can hold
/// names of operators and decisions, so they are as private as the database.
///
/// The text goes to a new temporary file in the same folder, which is synced
/// and then renamed over the target, so a reader sees the old file or the
/// whole new one. Refused: a symbolic link (its target would be written), the
/// database and its `-wal`/`-shm` (by path and by inode, so another name for
/// the same file is refused too), anything but a regular file, and an
/// existing file unless `force`.
enum ReportFile {
    static func check(_ path: String, force: Bool, database: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else { throw ReportFileError(path: path, reason: String(cString: strerror(errno))) }
            let folder = (path as NSString).deletingLastPathComponent
            guard folder.isEmpty || FileManager.default.fileExists(atPath: folder) else {
                throw ReportFileError(path: path, reason: "the folder \(folder) does not exist")
            }
            return
        }
        if (info.st_mode & S_IFMT) == S_IFLNK { throw ReportFileError(path: path, reason: "it is a symbolic link; give the real path") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw ReportFileError(path: path, reason: "it is not a regular file") }
        for protected in [database, database + "-wal", database + "-shm", database + "-journal"] {
            var other = stat()
            if stat(protected, &other) == 0, other.st_dev == info.st_dev, other.st_ino == info.st_ino {
                throw ReportFileError(path: path, reason: "it is the database (or its journal): a report never overwrites it")
            }
        }
        guard force else { throw ReportFileError(path: path, reason: "it exists; add --force to replace it") }
    }

    static func write(_ text: String, to path: String, force: Bool, database: String) throws {
        try check(path, force: force, database: database)
        let folder = (path as NSString).deletingLastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.vigia-report-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw ReportFileError(path: path, reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            close(fd)
            if !renamed { unlink(temporary) }
        }
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
        // Checked again just before the rename: a link or the database put there meanwhile is still refused.
        try check(path, force: force, database: database)
        guard rename(temporary, path) == 0 else { throw ReportFileError(path: path, reason: String(cString: strerror(errno))) }
        renamed = true
        let dir = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { fsync(dir); close(dir) }
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

/// `--out FILE [--force]` for reports.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "Write to this file (created 0600, replaced whole) instead of stdout.", completion: .file()) var out: String?
    @ArgumentParser.Flag(help: "Replace --out if it exists (never a link or the database).") var force = false

    /// Refuses a bad --out before any work is done.
    func check(database: String) throws {
        if let out { try ReportFile.check(out, force: force, database: database) }
    }
}

/// Prints or writes (0600) a report in the chosen format.
enum ReportOutput {
    static func emit<T: Encodable>(blocks: [ReportBlock], value: T, format: ReportOutputFormat, to output: ReportOutputOptions,
                                   database: String) throws {
        let text: String
        switch format {
        case .md: text = ReportRenderer.markdown(blocks)
        case .html: text = ReportRenderer.html(blocks)
        case .json: text = try Output.json(value) + "\n"
        }
        if let out = output.out {
            try ReportFile.write(TerminalSafe.text(text), to: out, force: output.force, database: database)
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }
}
