import CameraAlerts
import Crypto
import Foundation
import VigiaCore

extension Engine {
    /// Replaces the camera registry from a `cameras.json` file.
    public func ingestCameras(at url: URL, as principal: Principal = .feed) throws -> Int {
        try require(.ingestFeeds, of: principal)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw EngineError.badInput(file: url.path, line: nil, field: nil, reason: "cannot read the file: \(error.localizedDescription)")
        }
        let list = try CameraRegistryFile.decode(data, source: url.lastPathComponent)
        try cameras.replace(list, audit: AuditEntry(principal: principal, action: .ingestCameras, subject: url.lastPathComponent,
                                                    details: ["cameras": .int(Int64(list.count))]))
        return list.count
    }

    /// Checks and stores the alert rules (supervisor or admin); audited with the text's SHA-256.
    public func loadRules(text: String, source: String, by principal: Principal) throws -> [AlertRule] {
        try require(.manageRules, of: principal)
        let rules = try Self.parseRules(text, file: source)
        let digest = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        try settings.set("alert.rules", CanonicalJSON.object(["source": .string(source), "text": .string(text)]).text,
                         audit: AuditEntry(principal: principal, action: .rulesLoad, subject: source,
                                           details: ["rules": .int(Int64(rules.count)), "sha256": .string(digest)]))
        return rules
    }

    /// Checks a rules file without storing it: the rules' ids, or every
    /// problem with its line, the file refused whole.
    public static func checkRules(text: String, file: String) throws -> [String] {
        try parseRules(text, file: file).map(\.id)
    }

    static func parseRules(_ text: String, file: String) throws -> [AlertRule] {
        do { return try RuleFile.parse(text, file: file) } catch let e as RuleFileErrors {
            throw EngineError.refusedWhole(what: file, problems: e.errors.map(\.description))
        }
    }

    /// The stored rules, or nil when none were loaded.
    public func currentRules() throws -> [AlertRule]? {
        guard let json = try settings.value("alert.rules"),
              let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String],
              let text = object["text"] else { return nil }
        return try RuleFile.parse(text, file: object["source"] ?? "rules")
    }
}
