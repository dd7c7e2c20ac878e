import Foundation
import VigiaCore

extension Engine {
    /// Loads an incident CSV: good rows are stored (once, however often the
    /// file is ingested), bad rows quarantined with file, line and reason.
    public func ingestIncidents(at url: URL, options: IncidentCSVParser.Options,
                                as principal: Principal = .feed) throws -> IngestReport {
        try require(.ingestFeeds, of: principal)
        let started = Date()
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: url)) } catch {
            throw EngineError.badInput(file: url.path, line: nil, field: nil, reason: "cannot read the file: \(error.localizedDescription)")
        }
        let parser = IncidentCSVParser(options: options, districts: try districtIndex())
        let output = try parser.parse(bytes, source: url.lastPathComponent)
        let details: CanonicalJSON = [
            "rows": .int(Int64(output.rows)),
            "accepted": .int(Int64(output.records.count)),
            "rejected": .int(Int64(output.quarantine.count)),
            "file": .string(url.lastPathComponent),
        ]
        let inserted = try incidents.insert(output.records, quarantine: output.quarantine,
                                            audit: AuditEntry(principal: principal, action: .ingestIncidents,
                                                              subject: url.lastPathComponent, details: details))
        let report = IngestReport(
            feed: "incidents", source: url.lastPathComponent, rows: output.rows, accepted: output.records.count,
            inserted: inserted, duplicates: output.records.count - inserted, rejected: output.quarantine.count,
            rejectedByReason: output.rejectedByReason, withoutHour: output.withoutHour,
            seconds: Date().timeIntervalSince(started),
            examples: output.quarantine.prefix(5).map { "\($0.source):\($0.line): \($0.reason)" })
        logger.info("ingested \(report.inserted) new incidents from \(report.source)")
        return report
    }

    /// Stores a GeoJSON boundary layer (districts) under `layer`, after checking it reads.
    public func ingestBoundaries(at url: URL, layer: String, nameKey: String, parentKey: String?,
                                 as principal: Principal = .feed) throws -> Int {
        try require(.ingestFeeds, of: principal)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw EngineError.badInput(file: url.path, line: nil, field: nil, reason: "cannot read the file: \(error.localizedDescription)")
        }
        let features = try GeoJSONReader.read(data, source: url.lastPathComponent)
        for (i, f) in features.enumerated() {
            guard f.properties[nameKey] != nil else {
                throw EngineError.badInput(file: url.lastPathComponent, line: nil, field: "features[\(i)].properties.\(nameKey)",
                                           reason: "missing; name the district property with --name-key (found: \(f.properties.keys.sorted().joined(separator: ", ")))")
            }
            if let parentKey, f.properties[parentKey] == nil {
                throw EngineError.badInput(file: url.lastPathComponent, line: nil, field: "features[\(i)].properties.\(parentKey)",
                                           reason: "missing parent property")
            }
        }
        try boundaries.save(BoundaryLayer(layer: layer, nameKey: nameKey, parentKey: parentKey, geoJSON: data,
                                          source: url.lastPathComponent, featureCount: features.count),
                            audit: AuditEntry(principal: principal, action: .ingestBoundaries, subject: layer,
                                              details: ["file": .string(url.lastPathComponent), "features": .int(Int64(features.count))]))
        forgetDistricts()
        return features.count
    }
}
