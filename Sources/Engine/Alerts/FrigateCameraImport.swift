import Crypto
import Foundation
import VigiaCore

/// What `vigia cameras import` did.
public struct FrigateImportReport: Sendable, Codable, Equatable {
    public var imported: [String]
    /// Cameras disabled in Frigate's config: not registered (Frigate sends nothing for them).
    public var disabled: [String]
    /// Cameras already registered that the import left as they were.
    public var kept: Int
    public var statsIntervalSeconds: Int
}

extension Engine {
    /// Registers the cameras of a Frigate `config.yml` (names, zones, and
    /// `frigate/stats` as their heartbeat), placed by the integrator's CSV.
    /// A supervisor's or admin's act, audited with both files' SHA-256. The
    /// import is refused whole, with every problem's file and line, and then
    /// nothing is stored. Imported cameras replace any registered camera of
    /// the same id or Frigate name; other cameras stay.
    public func importFrigateCameras(config: URL, places: URL, by principal: Principal) throws -> FrigateImportReport {
        try require(.manageRules, of: principal)
        func read(_ url: URL) throws -> Data {
            // A Frigate config is kilobytes; a file past 16 MiB is not one, and is not read into memory.
            if let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int, size > 16 << 20 {
                throw EngineError.badInput(file: url.lastPathComponent, line: nil, field: nil, reason: "\(size >> 20) MiB is too large for this file (at most 16 MiB)")
            }
            do { return try Data(contentsOf: url) } catch {
                throw EngineError.badInput(file: url.path, line: nil, field: nil, reason: "cannot read the file: \(error.localizedDescription)")
            }
        }
        let configData = try read(config), placesData = try read(places)
        let configName = config.lastPathComponent, placesName = places.lastPathComponent
        guard let text = String(data: configData, encoding: .utf8) else {
            throw EngineError.badInput(file: configName, line: nil, field: nil, reason: "not UTF-8 text")
        }
        let (parsed, configProblems) = FrigateConfigFile.parse(text, source: configName)
        let (rows, placeProblems) = CameraPlacesFile.parse(placesData, source: placesName)
        var problems = configProblems + placeProblems
        var imported: [Camera] = [], disabled: [String] = []
        if let parsed {
            let byName = Dictionary(rows.map { ($0.frigateName, $0) }, uniquingKeysWith: { a, _ in a })
            let districts = try districtIndex()
            for c in parsed.cameras {
                guard c.enabled else { disabled.append(c.name); continue }
                guard let place = byName[c.name] else {
                    problems.append(InputProblem(file: configName, line: c.line, field: "cameras.\(c.name)",
                                                 reason: "camera \(c.name) has no line in \(placesName) (frigate_name,lat,lon[,name])"))
                    continue
                }
                let district = districts?.district(containing: place.location)
                imported.append(Camera(id: c.name, name: place.name ?? c.name, location: place.location, district: district?.name,
                                       parentDistrict: district?.parent, zones: c.zones, heartbeatSeconds: parsed.statsIntervalSeconds,
                                       frigateName: c.name, faceAnalytics: false))
            }
            let known = Set(parsed.cameras.map(\.name))
            for row in rows where !known.contains(row.frigateName) {
                problems.append(InputProblem(file: placesName, line: row.line, field: "frigate_name",
                                             reason: "\(row.frigateName) is not a camera in \(configName)"))
            }
        }
        guard problems.isEmpty else { throw EngineError.refusedWhole(what: "camera import", problems: problems.map(\.description)) }
        guard !imported.isEmpty else {
            throw EngineError.badInput(file: configName, line: nil, field: "cameras", reason: "no enabled camera to import")
        }
        let ids = Set(imported.map(\.id))
        let existing = try cameras.cameras()
        let kept = existing.filter { !ids.contains($0.id) && !ids.contains($0.frigateName ?? "") }
        func digest(_ d: Data) -> String { SHA256.hash(data: d).map { String(format: "%02x", $0) }.joined() }
        try cameras.replace(kept + imported, audit: AuditEntry(
            principal: principal, action: .camerasImport, subject: configName,
            details: ["imported": .int(Int64(imported.count)), "kept": .int(Int64(kept.count)), "disabled": .int(Int64(disabled.count)),
                      "config_sha256": .string(digest(configData)), "places": .string(placesName), "places_sha256": .string(digest(placesData))]))
        return FrigateImportReport(imported: imported.map(\.id), disabled: disabled, kept: kept.count,
                                   statsIntervalSeconds: parsed?.statsIntervalSeconds ?? 60)
    }
}
