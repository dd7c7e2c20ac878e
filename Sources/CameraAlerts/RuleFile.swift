import Foundation
import VigiaCore

/// A problem in a rules file, with its line.
public struct RuleFileError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// Reads the human-edited rules file: blocks headed `[rule ID]`, then
/// `key = value` lines; `#` starts a comment. Every problem is reported with
/// its line; a file with any problem is refused whole.
///
///     [rule loitering-entrance]
///     kind = loitering
///     labels = person
///     zones = entrance, platform
///     min_dwell = 300
///     priority = 2
///     cooldown = 600
///     dedupe = camera, zone
///     escalate_after = 120
///     procedure = Look at the camera; if someone is waiting for victims, send the nearest unit.
///     dispatch = optional
///     close_when = none
public enum RuleFile {
    static let keys: [String: String] = [
        "kind": "detection, loitering, crowd, offline or tamper", "labels": "object classes, comma-separated",
        "zones": "zone names", "cameras": "camera ids", "hours": "HH:MM-HH:MM local time", "days": "mon-fri, sat,sun, lun-vie… (a window belongs to the day it starts)", "min_score": "0…1",
        "min_dwell": "seconds", "min_count": "people", "missed_heartbeats": "1…100", "priority": "1…5",
        "cooldown": "seconds", "dedupe": "camera, zone, label, track", "escalate_after": "seconds",
        "procedure": "text for the dispatcher; steps as 1. … 2. … or separated by |", "dispatch": "required or optional",
        "close_when": "camera_online or none (offline and tamper rules default to camera_online)",
    ]

    /// The longest procedure text (about two pages) and the longest other value.
    public static let maximumProcedureBytes = 4_096
    public static let maximumValueBytes = 1_024

    public static func parse(_ text: String, file: String) throws -> [AlertRule] {
        var rules: [AlertRule] = []
        var errors: [RuleFileError] = []
        var current: AlertRule?
        var seen = Set<String>()
        func finish() {
            guard let rule = current else { return }
            if rule.kind == .detection, rule.labels.isEmpty {
                errors.append(RuleFileError(file: file, line: rule.line, message: "rule \(rule.id): a detection rule needs labels"))
            }
            rules.append(rule)
        }
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#"), !line.hasPrefix("procedure") { line = line[..<hash] }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            func fail(_ m: String) { errors.append(RuleFileError(file: file, line: lineNumber, message: m)) }
            if trimmed.hasPrefix("[") {
                finish()
                current = nil
                guard trimmed.hasSuffix("]"), trimmed.dropFirst().hasPrefix("rule ") else { fail("expected a header like [rule ID]"); continue }
                let id = trimmed.dropFirst(6).dropLast().trimmingCharacters(in: .whitespaces)
                guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
                    fail("a rule id uses letters, digits, - _ or ."); continue
                }
                guard seen.insert(id).inserted else { fail("rule \(id) is defined twice"); continue }
                current = AlertRule(id: id, kind: .detection)
                current?.line = lineNumber
                continue
            }
            guard current != nil else { fail("a setting outside any [rule …] block"); continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else { fail("expected key = value"); continue }
            let (key, value) = (parts[0], parts[1])
            guard Self.keys[key] != nil else {
                fail("unknown key \(key) (known: \(Self.keys.keys.sorted().joined(separator: ", ")))"); continue
            }
            // Every alert copies its rule's procedure: a value's size is capped so one rule cannot bloat every alert.
            let cap = key == "procedure" ? Self.maximumProcedureBytes : Self.maximumValueBytes
            guard value.utf8.count <= cap else { fail("\(key) is \(value.utf8.count) bytes; the limit is \(cap)"); continue }
            let list = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            func number(_ range: ClosedRange<Double>) -> Double? {
                guard let v = Double(value), v.isFinite, range.contains(v) else {
                    fail("\(key) must be a number in \(Self.keys[key]!) (\(range.lowerBound)…\(range.upperBound)), found \(value)"); return nil
                }
                return v
            }
            switch key {
            case "kind":
                guard let kind = AlertRule.Kind(rawValue: value) else { fail("kind must be \(Self.keys["kind"]!)"); continue }
                current!.kind = kind
            case "labels": current!.labels = Set(list)
            case "zones": current!.zones = Set(list)
            case "cameras": current!.cameras = Set(list)
            case "hours":
                let ends = value.split(separator: "-").map { String($0).trimmingCharacters(in: .whitespaces) }
                guard ends.count == 2, let a = minutes(ends[0]), let b = minutes(ends[1]), a != b else {
                    fail("hours must be HH:MM-HH:MM, e.g. 21:00-06:00"); continue
                }
                current!.hours = (a, b)
            case "days":
                guard let d = AlertRule.parseDays(value) else {
                    fail("days must be day names or ranges, e.g. mon-fri or sat,sun (lun-vie, sáb,dom)"); continue
                }
                current!.days = d
            case "min_score": if let v = number(0...1) { current!.minimumScore = v }
            case "min_dwell": if let v = number(0...604_800) { current!.minimumDwellSeconds = v }
            case "min_count": if let v = number(1...1_000_000) { current!.minimumCount = Int(v) }
            case "missed_heartbeats": if let v = number(1...100) { current!.missedHeartbeats = Int(v) }
            case "priority":
                guard let v = Int(value), (1...5).contains(v) else { fail("priority must be 1 (highest) to 5"); continue }
                current!.priority = v
            case "cooldown": if let v = number(0...86_400) { current!.cooldownSeconds = v }
            case "escalate_after": if let v = number(1...86_400) { current!.escalateAfterSeconds = v }
            case "dedupe":
                let fields = list.compactMap(AlertRule.DedupeField.init(rawValue:))
                guard fields.count == list.count, !fields.isEmpty else { fail("dedupe takes camera, zone, label, track"); continue }
                current!.dedupe = fields
            case "procedure": current!.procedure = value
            case "close_when":
                guard let c = AlertRule.CloseCondition(rawValue: value) else {
                    fail("close_when must be camera_online or none, found \(value)"); continue
                }
                current!.closeWhen = c
            case "dispatch":
                guard value == "required" || value == "optional" else { fail("dispatch must be required or optional, found \(value)"); continue }
                current!.requiresDispatch = value == "required"
            default: break
            }
        }
        finish()
        if !errors.isEmpty {
            throw RuleFileErrors(errors: errors.sorted { $0.line < $1.line })
        }
        if rules.isEmpty { throw RuleFileErrors(errors: [RuleFileError(file: file, line: 1, message: "no rules: add at least one [rule ID] block")]) }
        return rules
    }

    static func minutes(_ s: String) -> Int? {
        let p = s.split(separator: ":")
        guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        return h * 60 + m
    }
}

/// Every problem found in a rules file.
public struct RuleFileErrors: Error, CustomStringConvertible, Equatable {
    public var errors: [RuleFileError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
