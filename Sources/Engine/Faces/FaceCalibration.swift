import FaceMatch
import Foundation
import Store
import VigiaCore

extension Engine {
    /// The searchable watchlist as stored now, as an index (entries in id
    /// order). Above `WatchlistIndex.compactAbove` templates it is loaded in
    /// compact storage, streamed from the store without a float copy.
    public func storedWatchlistIndex() throws -> WatchlistIndex {
        let now = clock.now(), dimension = try faceDimension()
        guard let store = watchlist as? WatchlistStore else {
            var index = WatchlistIndex(dimension: dimension)
            var byEntry: [String: [[Float]]] = [:]
            for t in try watchlist.searchableTemplates(at: now) { byEntry[t.entryID, default: []].append(t.template) }
            for (entry, templates) in byEntry.sorted(by: { $0.key < $1.key }) { try index.add(entry: entry, templates: templates) }
            return index
        }
        // One sequential pass over the table, each template put in its entry's slot (entries in id order).
        var index = WatchlistIndex(dimension: dimension)
        try store.forEachTemplateInStorageOrder(searchableAt: now, layout: { layout in
            let count = layout.reduce(0) { $0 + $1.templates }
            index = WatchlistIndex(dimension: dimension, storage: count > WatchlistIndex.compactAbove ? .compact : .float32, layout: layout)
        }, { entry, template in _ = try index.place(entry: entry, template: template) })
        guard index.isComplete else {
            throw EngineError.badInput(file: "watchlist", line: nil, field: nil, reason: "the stored templates changed while they were read; try again")
        }
        return index
    }

    /// Reads the stored templates as `storedWatchlistIndex()` does but builds
    /// nothing: how long the store alone takes (for the bench).
    public func scanStoredTemplates() throws -> (templates: Int, floats: Int) {
        guard let store = watchlist as? WatchlistStore else { return (0, 0) }
        var templates = 0, floats = 0
        try store.forEachTemplateInStorageOrder(searchableAt: clock.now(), layout: { _ in }) { _, t in templates += 1; floats += t.count }
        return (templates, floats)
    }

    /// Calibrates the threshold against the stored watchlist as it is now
    /// (safeguard 5) from a calibration set (JSON lines, see
    /// sample-data/README.md); with `saveAs`, stores it for live search.
    public func calibrateFaces(set url: URL, targetFPIR: Double, saveAs principal: Principal? = nil) throws -> Calibration.Report {
        // Without saving it only reports aggregates; saving needs a supervisor or admin.
        if let principal { try require(.manageWatchlist, of: principal) }
        guard targetFPIR > 0, targetFPIR < 1 else {
            throw EngineError.badInput(file: url.lastPathComponent, line: nil, field: "fpir", reason: "must be between 0 and 1, e.g. 0.001")
        }
        let index = try storedWatchlistIndex()
        guard index.templateCount > 0 else {
            throw EngineError.badInput(file: url.lastPathComponent, line: nil, field: nil,
                                       reason: "no watchlist entry may be searched now; import the watchlist first")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw EngineError.badInput(file: url.path, line: nil, field: nil, reason: "cannot read the file: \(error.localizedDescription)")
        }
        var probes: [(embedding: [Float], mate: String?, group: String?)] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            do {
                let p = try CalibrationProbe.decode(line: Array(line), dimension: index.dimension)
                // A mate whose order is not in force is not on the list being calibrated.
                if let mate = p.matedEntry, !index.contains(entry: mate) { continue }
                probes.append((p.embedding, p.matedEntry, p.group))
            } catch {
                throw EngineError.badInput(file: url.lastPathComponent, line: lineNumber, field: nil, reason: "\(error)")
            }
        }
        let report = Calibration.calibrate(try Calibration.scores(index: index, probes: probes), targetFPIR: targetFPIR,
                                           templates: index.templateCount, entries: index.entryCount)
        if let principal {
            try saveThreshold(report, targetFPIR: targetFPIR, by: principal)
        }
        return report
    }
}
