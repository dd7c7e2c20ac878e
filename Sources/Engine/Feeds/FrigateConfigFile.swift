import Foundation
import VigiaCore
import Yams

/// What Vigía reads of Frigate NVR's own `config.yml`: the cameras, their
/// zones, whether each is enabled, and how often Frigate publishes
/// `frigate/stats` (`mqtt.stats_interval`, 60 s by default), which is the
/// heartbeat of a Frigate camera. Everything else in the file is Frigate's.
public enum FrigateConfigFile {
    public struct Camera: Sendable, Equatable {
        public var name: String
        public var zones: [String]
        public var enabled: Bool
        public var line: Int
    }

    public struct Config: Sendable, Equatable {
        public var cameras: [Camera]
        public var statsIntervalSeconds: Int
    }

    /// Frigate's camera and zone names: letters, digits, `_` and `-` (its UI refuses others).
    static func validName(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 64 && s.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-" }
    }

    /// Reads the file; every problem is collected, with its line.
    public static func parse(_ text: String, source: String) -> (Config?, [InputProblem]) {
        var problems: [InputProblem] = []
        func problem(_ node: Node?, _ field: String?, _ reason: String) {
            problems.append(InputProblem(file: source, line: node?.mark?.line, field: field, reason: reason))
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            return (nil, [InputProblem(file: source, line: Self.line(of: error), reason: "not valid YAML: \(Self.problem(of: error))")])
        } catch {
            return (nil, [InputProblem(file: source, line: nil, reason: "not valid YAML")])
        }
        guard let top = root?.mapping else {
            return (nil, [InputProblem(file: source, line: 1, reason: "expected Frigate's config: a mapping with `cameras:`")])
        }
        var interval = 60
        if let mqtt = top["mqtt"]?.mapping, let node = mqtt["stats_interval"] {
            if let n = node.int, (15...3_600).contains(n) { interval = n } else { problem(node, "mqtt.stats_interval", "expected whole seconds, 15 to 3600") }
        }
        guard let camerasNode = top["cameras"] else {
            return (nil, [InputProblem(file: source, line: 1, reason: "no `cameras:` section: is this Frigate's config.yml?")])
        }
        guard let cameras = camerasNode.mapping, !cameras.isEmpty else {
            problem(camerasNode, "cameras", "expected a mapping of camera names")
            return (nil, problems)
        }
        var out: [Camera] = []
        for (key, value) in cameras {
            guard let name = key.string, validName(name) else {
                problem(key, "cameras", "a camera name is letters, digits, _ or - (at most 64)")
                continue
            }
            guard let camera = value.mapping else { problem(value, "cameras.\(name)", "expected the camera's settings"); continue }
            var enabled = true
            if let e = camera["enabled"] {
                if let b = e.bool { enabled = b } else { problem(e, "cameras.\(name).enabled", "expected true or false") }
            }
            var zones: [String] = []
            if let z = camera["zones"] {
                if let m = z.mapping {
                    for (zoneKey, _) in m {
                        guard let zone = zoneKey.string, validName(zone) else {
                            problem(zoneKey, "cameras.\(name).zones", "a zone name is letters, digits, _ or - (at most 64)")
                            continue
                        }
                        zones.append(zone)
                    }
                } else if z.null == nil {
                    problem(z, "cameras.\(name).zones", "expected a mapping of zone names")
                }
            }
            out.append(Camera(name: name, zones: zones, enabled: enabled, line: key.mark?.line ?? 0))
        }
        return (Config(cameras: out, statsIntervalSeconds: interval), problems)
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _): return TerminalSafe.line(problem, limit: 200)
        default: return TerminalSafe.line("\(error)", limit: 200)
        }
    }
}
