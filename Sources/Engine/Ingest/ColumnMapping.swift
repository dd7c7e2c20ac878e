import VigiaCore

/// Which CSV column holds each incident field, as given by
/// `--columns time=fecha,hour=franja_horaria,lat=latitud,…` or guessed from
/// common header names in Spanish and English.
public struct ColumnMapping: Hashable, Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case time, hour, lat, lon, type, subtype, source, id
        var required: Bool { [.time, .lat, .lon, .type].contains(self) }
        var ordinal: Int {
            switch self {
            case .time: return 0
            case .hour: return 1
            case .lat: return 2
            case .lon: return 3
            case .type: return 4
            case .subtype: return 5
            case .source: return 6
            case .id: return 7
            }
        }
    }

    public var columns: [Field: String]

    public init(columns: [Field: String] = [:]) {
        self.columns = columns
    }

    /// Parses `field=column,…`; unknown fields are an error that lists the known ones.
    public init(parsing text: String) throws {
        var columns: [Field: String] = [:]
        for part in text.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, !kv[1].isEmpty else {
                throw EngineError.badInput(file: "--columns", line: nil, field: String(part), reason: "expected field=column")
            }
            guard let field = Field(rawValue: kv[0]) else {
                throw EngineError.badInput(file: "--columns", line: nil, field: kv[0],
                                           reason: "unknown field; use \(Field.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            columns[field] = kv[1]
        }
        self.init(columns: columns)
    }

    static let guesses: [Field: [String]] = [
        .time: ["fecha", "date", "datetime", "timestamp", "time", "occurred_at", "fecha_hora"],
        .hour: ["franja_horaria", "franja", "hora", "hour"],
        .lat: ["latitud", "latitude", "lat"],
        .lon: ["longitud", "longitude", "lon", "lng", "long"],
        .type: ["tipo", "type", "delito", "category", "categoria", "offense", "offence", "crime_type"],
        .subtype: ["subtipo", "subtype", "subcategory", "subcategoria"],
        .source: ["source", "origen", "fuente", "reported_by", "origin", "modalidad_denuncia"],
        .id: ["id", "incident_id", "id_delito", "id-mapa", "case_id"],
    ]

    /// Resolves column names to positions in `header`, guessing unnamed fields.
    func resolve(header: [String], file: String) throws -> ResolvedColumns {
        let folded = header.map(NameFolding.fold)
        var result = ResolvedColumns()
        for field in Field.allCases {
            if let name = columns[field] {
                guard let i = folded.firstIndex(of: NameFolding.fold(name)) else {
                    throw EngineError.badInput(file: file, line: 1, field: name,
                                               reason: "no column named \"\(name)\" for \(field.rawValue); the header has: \(header.joined(separator: ", "))")
                }
                result[field] = i
            } else if let i = Self.guesses[field]?.lazy.compactMap({ folded.firstIndex(of: $0) }).first {
                result[field] = i
            } else if field.required {
                throw EngineError.badInput(file: file, line: 1, field: field.rawValue,
                                           reason: "no column for \(field.rawValue); name it with --columns \(field.rawValue)=COLUMN (the header has: \(header.joined(separator: ", ")))")
            }
        }
        return result
    }
}

/// Column positions per field, looked up by array index on the ingest hot path.
struct ResolvedColumns {
    private var positions = [Int?](repeating: nil, count: ColumnMapping.Field.allCases.count)

    subscript(field: ColumnMapping.Field) -> Int? {
        get { positions[field.ordinal] }
        set { positions[field.ordinal] = newValue }
    }
}

/// Maps a file's own words for who reported an incident to `ReportSource`.
public struct SourceValues: Hashable, Sendable {
    public var citizen: Set<String>
    public var police: Set<String>

    public static let standard = SourceValues(
        citizen: ["citizen", "ciudadano", "ciudadana", "denuncia", "911", "llamada", "call", "report", "vecino", "victim report"],
        police: ["police", "policia", "police initiated", "prevencion", "officer", "patrol", "patrulla", "proactive", "on view", "intervencion policial"])

    public init(citizen: Set<String>, police: Set<String>) {
        self.citizen = Set(citizen.map(NameFolding.fold))
        self.police = Set(police.map(NameFolding.fold))
    }

    /// Parses `citizen=denuncia|911,police=prevencion`.
    public init(parsing text: String) throws {
        var citizen: Set<String> = [], police: Set<String> = []
        for part in text.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2, ["citizen", "police"].contains(kv[0]) else {
                throw EngineError.badInput(file: "--source-values", line: nil, field: String(part),
                                           reason: "expected citizen=value|value or police=value|value")
            }
            let values = kv[1].split(separator: "|").map(String.init)
            if kv[0] == "citizen" { citizen.formUnion(values) } else { police.formUnion(values) }
        }
        self.init(citizen: citizen, police: police)
    }

    public func source(for value: String) -> ReportSource {
        let folded = NameFolding.fold(value)
        if citizen.contains(folded) { return .citizen }
        if police.contains(folded) { return .policeInitiated }
        return .unknown
    }
}
