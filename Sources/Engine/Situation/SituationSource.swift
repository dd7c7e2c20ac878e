import Foundation
import Hotspots
import Synchronization
import VigiaCore

/// Builds `Situation` snapshots for a console, caching what is slow to make
/// (the forecast layer, the district index) and rebuilding it only when the
/// hour, horizon or model changes.
public final class SituationSource: Sendable {
    public struct Request: Sendable, Equatable {
        public var principal: Principal
        public var horizonHours: Double
        public var model: String
        public var replaySpeed: Double?
        public var patrolUnits: Int
        public var review: ReviewKind?
        /// A view of the past (`--at`, a replay of a stored shift): the queues
        /// as they stood at the engine clock's time, not as they are now.
        public var asOf: Bool
        public init(principal: Principal, horizonHours: Double = 8, model: String = "recency", replaySpeed: Double? = nil, patrolUnits: Int = 6,
                    review: ReviewKind? = nil, asOf: Bool = false) {
            self.principal = principal; self.horizonHours = horizonHours; self.model = model; self.replaySpeed = replaySpeed
            self.patrolUnits = patrolUnits; self.review = review; self.asOf = asOf
        }
    }

    /// The review views a console can ask for.
    public enum ReviewKind: String, Sendable, Equatable {
        case shift, audit
    }

    let engine: Engine
    private struct RiskKey: Hashable { var model: String; var horizon: Double; var hour: Int }
    private let auditCheck = Mutex<(at: Date, intact: Bool)?>(nil)
    private let summaryCache = Mutex<(key: String, at: Date, summary: ShiftSummary)?>(nil)
    private let riskCache = Mutex<(key: RiskKey, layer: Situation.RiskLayer?, patrol: [Situation.PatrolBox])?>(nil)

    public init(engine: Engine) {
        self.engine = engine
    }

    public func situation(_ request: Request) throws -> Situation {
        let now = engine.clock.now()
        let districts = try engine.districtIndex()
        let projection = districts?.projection
        func place(_ p: GeoPoint?) -> PlanarPoint? { p.flatMap { projection?.project($0) } }
        let shift = ShiftSchedule.standard(timeZone: engine.timeZone).window(containing: now)

        let queue = try engine.alertQueue(at: now, asOf: request.asOf, as: request.principal)
        let registry = try engine.cameraRegistry(as: request.principal)
        let byID = Dictionary(registry.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let lastEvents = try engine.storedLastEvents()
        let openByCamera = Dictionary(grouping: queue.items.compactMap(\.stored.alert.cameraID), by: { $0 }).mapValues(\.count)
        let cameras = registry.map { c -> Situation.CameraMarker in
            let health = queue.cameraHealth[c.id] ?? "online"
            // A view of the past never shows an event from after its time; live, a camera whose clock runs fast still shows one.
            let last = lastEvents[c.id].map { Date(timeIntervalSince1970: $0) }.flatMap { $0 <= now || !request.asOf ? $0 : nil }
            return Situation.CameraMarker(id: c.id, name: c.name, position: place(c.location), online: health == "online", health: health,
                                          district: c.district, lastEvent: last, openAlerts: openByCamera[c.id] ?? 0)
        }.sorted { a, b in
            // The camera pane's order: down or tampered with first, then by open alerts, then by id.
            let (ta, tb) = (a.health != "online", b.health != "online")
            if ta != tb { return ta }
            return a.openAlerts != b.openAlerts ? a.openAlerts > b.openAlerts : a.id < b.id
        }
        let transitions = Dictionary(grouping: try engine.alertHistory(id: nil, as: request.principal), by: \.alertID)
        let formatter = TimestampFormatter(timeZone: engine.timeZone)
        // Ticks and notes of the alerts on screen only, not of every alert ever stored.
        let shown = queue.items.map(\.stored.alert.id)
        let ticks = Dictionary(grouping: try engine.procedureTicks(alerts: shown, as: request.principal), by: \.alertID)
        let notes = Dictionary(grouping: try engine.alertNotes(alerts: shown, as: request.principal), by: \.alertID)
        let alerts = queue.items.map { item -> Situation.AlertItem in
            let a = item.stored.alert
            var position = a.cameraID.flatMap { byID[$0] }.flatMap { place($0.location) }
            if position == nil, let area = a.cameraID, area.hasPrefix("area:"), let d = districts?.districts.first(where: { "area:" + $0.name == area }) {
                let b = d.shape.bounds
                position = PlanarPoint(x: (b.minX + b.maxX) / 2, y: (b.minY + b.maxY) / 2)
            }
            let history = (transitions[a.id] ?? []).map { t in
                "\(formatter.string(from: t.at).dropFirst(11).prefix(8)) \(t.from.rawValue) → \(t.to.rawValue) (\(t.operatorName))" + (t.note.map { ": \($0)" } ?? "")
            }
            return Situation.AlertItem(id: a.id, priority: item.effectivePriority, state: a.state, rule: a.ruleID, camera: a.cameraID,
                                       title: a.title, createdAt: a.createdAt, escalated: item.escalated, position: position,
                                       procedure: item.stored.procedure, evidence: item.stored.evidence, history: history,
                                       steps: Self.steps(item.stored.procedure, ticks[a.id] ?? [], formatter), endedAt: item.stored.endedAt,
                                       notes: (notes[a.id] ?? []).map { "\(formatter.string(from: $0.at).dropFirst(11).prefix(5)) \($0.operatorName): \(TerminalSafe.line($0.text, limit: 2_048))" })
        }
        var hits: [Situation.HitItem] = []
        var trails: [[PlanarPoint]] = []
        if request.principal.role.allows(.decideHits) {
            let open: [HitState] = [.pending, .confirmedOnce, .confirmed]
            let views = request.asOf ? try engine.hitViews(states: open, asOf: now, as: request.principal)
                                     : try engine.hitViews(states: open, as: request.principal)
            let threshold = (try? engine.storedThreshold()).flatMap { $0 }.map { Double($0.threshold) }
            hits = views.map { v in
                Situation.HitItem(id: v.hit.id, candidate: v.candidateName ?? v.hit.entryID, similarity: v.hit.similarity,
                                         orderReference: v.orderReference ?? "—", court: v.court ?? "—", camera: v.hit.cameraID, time: v.hit.time,
                                         confirmations: v.confirmations, state: v.hit.state,
                                         position: byID[v.hit.cameraID].flatMap { place($0.location) },
                                         threshold: threshold, rank: v.hit.rank, cameraName: byID[v.hit.cameraID]?.name)
            }
            let confirmed = Dictionary(grouping: views.filter { $0.hit.state == .confirmed }.map(\.hit), by: \.entryID)
            trails = confirmed.values.map { $0.sorted { $0.time < $1.time }.compactMap { byID[$0.cameraID].flatMap { place($0.location) } } }
                .filter { $0.count > 1 }
        }
        let pending = request.asOf ? try engine.flagViews(pendingAsOf: now, as: request.principal)
                                   : try engine.flagViews(states: [.pending], as: request.principal)
        let flags = pending.map { f in
            Situation.FlagItem(id: f.flag.id, category: f.flag.category, score: f.flag.score, phrases: f.flag.phrases, text: f.post.text,
                               time: f.post.time, district: f.district, position: place(f.post.location))
        }
        let (risk, patrol) = try riskLayer(request, now: now)
        let header = Situation.Header(now: now, replaySpeed: request.replaySpeed, shift: shift.name, operatorName: request.principal.name,
                                      role: request.principal.role, auditIntact: try auditIntact(), timeZone: engine.timeZone,
                                      replayEnded: request.replaySpeed != nil && ((engine.clock as? PausableReplayClock)?.finished ?? false))
        var situation = Situation(header: header, districts: districts, risk: risk, cameras: cameras, alerts: alerts, hits: hits, flags: flags,
                                  patrol: patrol, trails: trails)
        situation.review = request.review.map { review($0, request: request, shift: shift, now: now) }
        return situation
    }

    /// The shift so far (rebuilt at most every 15 s of wall time) or the
    /// latest audit records; the engine checks the role for both.
    private func review(_ kind: ReviewKind, request: Request, shift: ShiftWindow, now: Date) -> Situation.Review {
        do {
            switch kind {
            case .shift:
                let key = "\(request.principal.name)|\(shift.start.timeIntervalSince1970)|\(request.model)"
                if let c = summaryCache.withLock({ $0 }), c.key == key, Date().timeIntervalSince(c.at) < 15 { return .shift(c.summary) }
                let end = max(shift.start.addingTimeInterval(60), min(now, shift.end))
                let summary = try engine.shiftSummary(start: shift.start, end: end, model: request.model, exported: false, as: request.principal)
                summaryCache.withLock { $0 = (key, Date(), summary) }
                return .shift(summary)
            case .audit:
                let (records, total) = try engine.auditTrail(limit: 2_000, as: request.principal)
                return .audit(records.map {
                    Situation.AuditLine(sequence: $0.sequence, time: $0.time, operatorName: $0.operatorName, role: $0.role, action: $0.action,
                                        subject: $0.subject, details: $0.details)
                }, total: total)
            }
        } catch {
            return .unavailable("\(error)")
        }
    }

    /// The audit chain verified for real (safeguard 9), at most once a minute of wall time.
    private func auditIntact() throws -> Bool {
        if let last = auditCheck.withLock({ $0 }), Date().timeIntervalSince(last.at) < 60 { return last.intact }
        let intact: Bool
        if case .intact = try engine.audit.verify() { intact = true } else { intact = false }
        auditCheck.withLock { $0 = (Date(), intact) }
        return intact
    }

    /// The forecast for the hour that contains `now`, its recent quality and a patrol plan; cached per hour.
    private func riskLayer(_ request: Request, now: Date) throws -> (Situation.RiskLayer?, [Situation.PatrolBox]) {
        let hour = Int(now.timeIntervalSince1970 / 3600)
        let key = RiskKey(model: request.model, horizon: request.horizonHours, hour: hour)
        if let cached = riskCache.withLock({ $0 }), cached.key == key { return (cached.layer, cached.patrol) }
        let at = Date(timeIntervalSince1970: Double(hour) * 3600)
        guard let (report, expected, input) = try? engine.forecast(at: at, horizon: request.horizonHours * 3600, model: request.model, top: 50, as: request.principal) else {
            riskCache.withLock { $0 = (key, nil, []) }
            return (nil, [])
        }
        var recent = [Int32](repeating: 0, count: input.grid.cellCount)
        let t = at.timeIntervalSince1970
        for i in input.history.range(from: t - 30 * 86_400, to: t) { recent[Int(input.history.cells[i])] += 1 }
        var peak: [Int: [Int]] = [:]
        for c in report.cells { peak[c.cell] = c.peakHours }
        // Quality: the same model's last seven daily forecasts, scored at 5 % of the area.
        let quality = engine.recentQuality(model: request.model, input: input, at: t)?.coverage
        let layer = Situation.RiskLayer(model: report.model, horizonHours: request.horizonHours, grid: input.grid, expected: expected,
                                        recent: recent, peakHours: peak, hitRate: quality?.hitRate, pai: quality?.pai, gini: report.gini,
                                        hitRateInterval: quality?.hitRateInterval, pei: quality?.pei)
        var patrol: [Situation.PatrolBox] = []
        if request.patrolUnits > 0, let plan = try? engine.patrol(at: at, horizon: request.horizonHours * 3600, units: request.patrolUnits,
                                                                   model: request.model, as: request.principal) {
            patrol = plan.boxes.map { Situation.PatrolBox(centre: input.projection.project(GeoPoint(latitude: $0.centreLatitude, longitude: $0.centreLongitude)),
                                                          size: $0.sizeMetres) }
        }
        riskCache.withLock { $0 = (key, layer, patrol) }
        return (layer, patrol)
    }

    /// The procedure's steps with their ticks ("dina 21:04").
    static func steps(_ procedure: String, _ ticks: [ProcedureTick], _ f: TimestampFormatter) -> [Situation.AlertItem.Step] {
        Engine.stepViews(procedure: procedure, ticks: ticks).map { v in
            Situation.AlertItem.Step(text: v.text, done: v.tick.map { "\($0.operatorName) \(f.string(from: $0.at).dropFirst(11).prefix(5))" })
        }
    }
}
