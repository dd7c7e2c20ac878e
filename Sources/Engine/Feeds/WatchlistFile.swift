import Foundation
import VigiaCore

/// `watchlist.json`: `{"schema": "vigia.watchlist/1", "dimension": 512,
/// "precision": "float16", "entries": [ … ]}`. Each entry names a person only
/// under a court order; templates are base64 embeddings.
public enum WatchlistFile {
    public static let schema = "vigia.watchlist/1"

    /// An entry as the file holds it, before the engine's scope rules.
    public struct Record: Sendable, Equatable {
        public var id: String
        public var displayName: String
        public var fictional: Bool
        public var courtOrderReference: String?
        public var issuingCourt: String?
        public var offenceCategory: String?
        public var issuedOn: Date?
        public var expiresOn: Date?
        public var status: WatchlistStatus
        public var templates: [[Float]]

        /// Why the engine must refuse (missing order) or ignore (lapsed) this entry; nil when searchable at `date`.
        public func scopeProblem(at date: Date) -> String? {
            if courtOrderReference == nil { return "no court order reference: refused (safeguard 2)" }
            if issuingCourt == nil { return "no issuing court: refused (safeguard 2)" }
            if issuedOn == nil || expiresOn == nil { return "no order dates: refused (safeguard 2)" }
            if status == .revoked { return "order revoked: not searchable, templates purged" }
            if status == .expired || (expiresOn.map { $0 <= date } ?? false) { return "order expired: not searchable, templates purged" }
            return nil
        }
    }

    public struct Contents: Sendable {
        public var dimension: Int
        public var precision: EmbeddingCodec.Precision
        public var records: [Record]
    }

    public static func decode(_ data: Data, source: String, timeZone: TimeZone) throws -> Contents {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw EngineError.badInput(file: source, line: nil, field: nil, reason: "not a JSON object")
        }
        let root = JSONFields(object: object)
        do {
            let schema = try root.string("schema")
            guard schema == Self.schema else {
                throw FieldError(code: "schema", field: "schema", message: "expected \(Self.schema), found \(schema)")
            }
            let dimension = try root.int("dimension", in: 2...8192)
            guard let precision = EmbeddingCodec.Precision(rawValue: try root.string("precision")) else {
                throw FieldError(code: "impossible_value", field: "precision", message: "expected float32 or float16")
            }
            var seen = Set<String>()
            let records = try root.objects("entries").map { e -> Record in
                let id = try e.string("id")
                guard seen.insert(id).inserted else {
                    throw FieldError(code: "duplicate", field: e.path + "id", message: "entry \(id) appears twice")
                }
                guard let status = WatchlistStatus(rawValue: try e.string("status")) else {
                    throw FieldError(code: "impossible_value", field: e.path + "status", message: "expected active, expired or revoked")
                }
                let templates = try e.strings("templates").enumerated().map { i, t in
                    do { return try EmbeddingCodec.decode(t, precision: precision, dimension: dimension) } catch {
                        throw FieldError(code: "bad_embedding", field: "\(e.path)templates[\(i)]", message: "\(error)")
                    }
                }
                guard !templates.isEmpty else {
                    throw FieldError(code: "missing_field", field: e.path + "templates", message: "an entry needs at least one template")
                }
                return Record(id: id, displayName: try e.string("name"), fictional: try e.bool("fictional", default: false),
                              courtOrderReference: try e.optionalString("order_reference"),
                              issuingCourt: try e.optionalString("court"), offenceCategory: try e.optionalString("offence"),
                              issuedOn: e.has("issued") ? try e.date("issued", timeZone: timeZone) : nil,
                              expiresOn: e.has("expires") ? try e.date("expires", timeZone: timeZone) : nil,
                              status: status, templates: templates)
            }
            return Contents(dimension: dimension, precision: precision, records: records)
        } catch let error as FieldError {
            throw EngineError.badInput(file: source, line: nil, field: error.field, reason: error.message)
        }
    }
}
