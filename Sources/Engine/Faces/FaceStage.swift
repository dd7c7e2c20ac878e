import FaceMatch
import Foundation
import VigiaCore

/// The face part of the camera feed: authorised probes are searched in
/// micro-batches of up to `batchSize`, and no probe waits more than
/// `latency` seconds of feed time, nor past a commit, nor while the feed is
/// idle. Probes are held in memory only and never written (safeguard 1);
/// what leaves is a hit above the threshold, counts, and each
/// authorisation's use record (counts and times only, EU AI Act art. 12(3)).
struct FaceStage {
    /// Why no face is searched at all (a legal precondition not met), or nil.
    let gate: String?
    /// The search in force: nil when the gate is shut or no threshold is calibrated.
    let search: LiveFaceSearch?
    let version: (hash: String, entries: Int)
    let batchSize: Int
    let latency: TimeInterval
    private(set) var probes = 0
    private(set) var hits = 0
    private var pending: [(embedding: [Float], authorisation: SearchAuthorisation, camera: String, time: Date)] = []
    private var newHits: [(hit: Hit, authorisation: Int64)] = []
    private var uses: [Int64: AuthorisationUse] = [:]

    init(gate: String?, search: LiveFaceSearch?, version: (hash: String, entries: Int), batchSize: Int, latency: TimeInterval) {
        self.gate = gate; self.search = search; self.version = version; self.batchSize = batchSize; self.latency = latency
    }

    var holdsWork: Bool { !pending.isEmpty || !newHits.isEmpty }

    /// One probe from the feed: counted, and searched only under an authorisation covering its camera and time.
    mutating func take(_ probe: Probe, camera: String, at time: Date, into batch: inout FeedBatch) throws {
        probes += 1
        batch.counters["faces.probes_received", default: 0] += 1
        if gate != nil { batch.counters["faces.not_searched_preconditions", default: 0] += 1; return }
        guard let search else { batch.counters["faces.not_searched_uncalibrated", default: 0] += 1; return }
        guard let auth = search.authorisation(camera: camera, at: time) else {
            batch.counters["faces.dropped_unauthorised", default: 0] += 1
            return
        }
        guard probe.embedding.count == search.index.dimension else {
            throw FieldError(code: "embedding", field: "embedding",
                             message: "has \(probe.embedding.count) dimensions; this watchlist uses \(search.index.dimension)")
        }
        // Micro-batch: search when the batch is full or its first probe has waited long enough.
        if let first = pending.first, time.timeIntervalSince(first.time) >= latency { try searchPending(into: &batch) }
        pending.append((probe.embedding, auth, camera, time))
        if pending.count >= batchSize { try searchPending(into: &batch) }
    }

    /// Before a commit: search what waits, and hand over the hits and use records.
    mutating func finish(_ batch: inout FeedBatch) throws {
        try searchPending(into: &batch)
        batch.hits = newHits
        batch.uses = Array(uses.values)
        newHits = []
        uses = [:]
    }

    private mutating func searchPending(into batch: inout FeedBatch) throws {
        guard let search, !pending.isEmpty else { return }
        let results = try search.search(pending.map { ($0.embedding, $0.authorisation) })
        for (probe, candidates) in zip(pending, results) {
            batch.counters["faces.searched", default: 0] += 1
            if candidates.isEmpty { batch.counters["faces.no_match", default: 0] += 1 }
            let id = probe.authorisation.id
            var use = uses[id] ?? AuthorisationUse(authorisationID: id, watchlistVersion: version.hash, entries: version.entries,
                                                   firstProbe: probe.time, lastProbe: probe.time, probes: 0, hits: 0)
            use.firstProbe = min(use.firstProbe, probe.time)
            use.lastProbe = max(use.lastProbe, probe.time)
            use.probes += 1
            use.hits += candidates.count
            uses[id] = use
            for (rank, c) in candidates.enumerated() {
                newHits.append((Hit(id: 0, entryID: c.entry, similarity: Double(c.similarity), rank: rank + 1,
                                    cameraID: probe.camera, time: probe.time), probe.authorisation.id))
            }
            hits += candidates.count
        }
        batch.counters["faces.search_batches", default: 0] += 1
        pending.removeAll(keepingCapacity: true)
    }
}
