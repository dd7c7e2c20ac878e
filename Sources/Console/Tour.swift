import Foundation

/// The presenter's guided tour: each step moves the focus and says what to
/// look at. The text is about one city's sample shift, so it ships with the
/// sample data (`sample-data/tour.json`), not in the code.
public enum Tour {
    public struct Step: Sendable, Equatable {
        public var focus: Pane
        public var spanish: String
        public var english: String
        public init(focus: Pane, spanish: String, english: String) { self.focus = focus; self.spanish = spanish; self.english = english }
    }

    public struct LoadError: Error, CustomStringConvertible { public var description: String }

    /// Reads `{"schema":"vigia.tour/1","steps":[{"focus":"map","es":"…","en":"…"}, …]}`;
    /// a bad file is refused with the step and field that are wrong.
    public static func load(from url: URL) throws -> [Step] {
        let name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else { throw LoadError(description: "\(name): cannot read the file") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw LoadError(description: "\(name): not a JSON object") }
        guard object["schema"] as? String == "vigia.tour/1" else { throw LoadError(description: "\(name): schema: expected \"vigia.tour/1\"") }
        guard let list = object["steps"] as? [[String: Any]], !list.isEmpty, list.count <= 50 else {
            throw LoadError(description: "\(name): steps: expected 1 to 50 steps")
        }
        return try list.enumerated().map { i, o in
            func text(_ key: String) throws -> String {
                guard let s = o[key] as? String, !s.isEmpty, s.utf8.count <= 2_048 else {
                    throw LoadError(description: "\(name): steps[\(i)].\(key): expected text of at most 2 KiB")
                }
                return s
            }
            guard let focus = (o["focus"] as? String).flatMap(Pane.init(rawValue:)) else {
                throw LoadError(description: "\(name): steps[\(i)].focus: expected one of \(Pane.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return Step(focus: focus, spanish: try text("es"), english: try text("en"))
        }
    }

    static func apply(_ step: Int, to state: inout UIState) {
        guard state.tour.indices.contains(step) else { return }
        state.focus = state.tour[step].focus
        state.overlay = nil
    }
}
