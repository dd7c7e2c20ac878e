import Foundation
import Hotspots
import VigiaCore

/// Turns an incident CSV into storable records and quarantined rows. Pure:
/// bytes in, values out, so it is tested and fuzzed on its own.
public struct IncidentCSVParser {
    /// The longest incident type, subtype, source or id accepted (bytes).
    public static let maximumLabelBytes = 200

    public struct Options: Sendable {
        public var mapping = ColumnMapping()
        public var sourceValues = SourceValues.standard
        public var timeZone: TimeZone
        /// Points farther than this from every district are rejected.
        public var maximumDistanceOutside = 1_000.0

        public init(timeZone: TimeZone) {
            self.timeZone = timeZone
        }
    }

    public struct Output: Sendable {
        public var records: [IncidentRecord] = []
        public var quarantine: [QuarantineItem] = []
        public var rows = 0
        public var rejectedByReason: [String: Int] = [:]
        /// Accepted rows whose hour was missing: kept with day precision.
        public var withoutHour = 0
    }

    public let options: Options
    public let districts: DistrictIndex?

    public init(options: Options, districts: DistrictIndex?) {
        self.options = options
        self.districts = districts
    }

    /// Parses `bytes`; `source` names the file in quarantine records.
    public func parse(_ bytes: [UInt8], source: String) throws -> Output {
        let reader = CSVReader(bytes: bytes)
        if let problem = reader.encodingProblem {
            throw EngineError.badInput(file: source, line: 1, field: nil, reason: problem)
        }
        var header: [String]?
        var columns = ResolvedColumns()
        var out = Output()
        var converter = CivilTimeConverter(timeZone: options.timeZone)
        var occurrences: [UInt64: Int] = [:]
        var interned: [UInt64: String] = [:]
        // Many incidents share a geocoded corner: place each point once.
        var placed: [GeoPoint: (district: Int?, distance: Double)] = [:]
        var headerError: Error?

        func intern(_ b: UnsafeBufferPointer<UInt8>) -> String? {
            var h = FNV1a64()
            h.add(b)
            if let s = interned[h.value] { return s }
            guard let s = String(validating: b, as: UTF8.self) else { return nil }
            interned[h.value] = s
            return s
        }

        reader.forEachRecord { record in
            guard let knownHeader = header else {
                let names = (0..<record.count).map { record.string($0) ?? "" }
                do {
                    guard record.isValidUTF8 else {
                        throw EngineError.badInput(file: source, line: record.line, field: nil,
                                                   reason: "the header is not valid UTF-8; save the file as UTF-8")
                    }
                    let personal = PersonalDataGuard.personalColumns(in: names)
                    guard personal.isEmpty else { throw EngineError.personalDataColumns(file: source, columns: personal) }
                    var seen = Set<String>()
                    for name in names where !seen.insert(NameFolding.fold(name)).inserted {
                        throw EngineError.badInput(file: source, line: 1, field: name, reason: "the column appears twice in the header")
                    }
                    columns = try options.mapping.resolve(header: names, file: source)
                    header = names
                    return true
                } catch {
                    headerError = error
                    return false
                }
            }
            out.rows += 1
            func reject(_ reason: String, field: ColumnMapping.Field?, _ message: String) {
                out.rejectedByReason[reason, default: 0] += 1
                let raw = record.rawRecord(limit: 512)
                let excerpt = String(decoding: raw, as: UTF8.self)
                out.quarantine.append(QuarantineItem(feed: "incidents", source: source, line: record.line,
                                                     field: field.flatMap { columns[$0].map { knownHeader[$0] } },
                                                     reason: "\(reason): \(message)", excerpt: excerpt))
            }
            guard record.count == knownHeader.count else {
                reject("column_count", field: nil, "expected \(knownHeader.count) fields, found \(record.count)")
                return true
            }
            guard !record.malformed else { reject("malformed", field: nil, "unbalanced or misplaced quotes"); return true }
            guard record.isValidUTF8 else { reject("bad_utf8", field: nil, "not valid UTF-8"); return true }

            // Time: a date plus an hour band, or a full timestamp.
            let timeField = record.trimmedField(columns[.time]!)
            guard !timeField.isEmpty else { reject("missing_time", field: .time, "no date"); return true }
            var precision = TimePrecision.exact
            let instant: Date
            do {
                switch try TimeParser.parseTimestamp(timeField, text: String(decoding: timeField, as: UTF8.self)) {
                case .instant(let d):
                    instant = d
                case .civil(var civil):
                    if timeField.count == 10 {
                        precision = .day
                        if let h = columns[.hour] {
                            let hourField = record.trimmedField(h)
                            if hourField.isEmpty {
                                out.withoutHour += 1
                            } else {
                                guard let hour = DecimalParser.integer(hourField), (0...23).contains(hour) else {
                                    reject("bad_hour", field: .hour, "expected an hour from 0 to 23, found \"\(String(decoding: hourField, as: UTF8.self))\"")
                                    return true
                                }
                                civil.hour = hour
                                precision = .hour
                            }
                        }
                    }
                    instant = converter.date(civil)
                }
            } catch {
                reject("bad_time", field: .time, "\(error)")
                return true
            }

            // Place.
            let latField = record.trimmedField(columns[.lat]!), lonField = record.trimmedField(columns[.lon]!)
            guard !latField.isEmpty, !lonField.isEmpty else {
                reject("missing_coordinates", field: latField.isEmpty ? .lat : .lon, "no coordinates"); return true
            }
            guard let lat = DecimalParser.double(latField), let lon = DecimalParser.double(lonField) else {
                reject("bad_coordinates", field: .lat, "coordinates are not decimal numbers"); return true
            }
            let point = GeoPoint(latitude: lat, longitude: lon)
            guard point.isValid, !(lat == 0 && lon == 0) else {
                reject("coordinates_out_of_range", field: .lat, "(\(lat), \(lon)) is not a valid WGS84 position"); return true
            }
            var district: District?
            if let districts {
                let place: (district: Int?, distance: Double)
                if let known = placed[point] {
                    place = known
                } else {
                    let planar = districts.projection.project(point)
                    let index = districts.index(containing: planar)
                    place = (index, index == nil ? districts.distanceToNearestDistrict(planar) : 0)
                    placed[point] = place
                }
                if place.distance > options.maximumDistanceOutside {
                    reject("outside_boundary", field: .lat,
                           "(\(lat), \(lon)) lies \(Int(place.distance)) m outside every district")
                    return true
                }
                district = place.district.map { districts.districts[$0] }
            }

            // What and who reported it: labels, not documents; each is capped.
            for field in [ColumnMapping.Field.type, .subtype, .source, .id] {
                if let i = columns[field], record.trimmedField(i).count > Self.maximumLabelBytes {
                    reject("oversize_field", field: field, "is \(record.trimmedField(i).count) bytes; the limit is \(Self.maximumLabelBytes)")
                    return true
                }
            }
            let typeField = record.trimmedField(columns[.type]!)
            guard !typeField.isEmpty, let type = intern(typeField) else {
                reject("missing_type", field: .type, "no incident type"); return true
            }
            let subtype = columns[.subtype].flatMap { record.isEmpty($0) ? nil : intern(record.trimmedField($0)) }
            let source = columns[.source].flatMap { record.isEmpty($0) ? nil : intern(record.trimmedField($0)) }
                .map(options.sourceValues.source(for:)) ?? .unknown
            let externalID = columns[.id].flatMap { record.isEmpty($0) ? nil : record.string($0) }

            // Fingerprint: the mapped fields' bytes plus which repeat of them
            // this is, so identical rows stay distinct and re-ingest adds nothing.
            var hash = FNV1a64()
            for field in ColumnMapping.Field.allCases {
                if let i = columns[field] { hash.add(record.trimmedField(i)) }
                hash.add(byte: 0x1F)
            }
            let occurrence = occurrences[hash.value, default: 0]
            occurrences[hash.value] = occurrence + 1
            hash.add(occurrence)

            out.records.append(IncidentRecord(
                incident: Incident(occurredAt: instant, precision: precision, location: point, type: type,
                                   subtype: subtype, source: source, externalID: externalID,
                                   district: district?.name, parentDistrict: district?.parent),
                fingerprint: Int64(bitPattern: hash.value)))
            return true
        }
        if let headerError { throw headerError }
        if header == nil { throw EngineError.badInput(file: source, line: 1, field: nil, reason: "the file is empty: expected a header line") }
        return out
    }
}
