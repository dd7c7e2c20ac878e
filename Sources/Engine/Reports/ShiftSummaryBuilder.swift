import CameraAlerts
import Foundation
import VigiaCore

/// Computes a shift summary from its records. Pure: no I/O, no clock.
public enum ShiftSummaryBuilder {
    /// Audit actions a supervisor should see by name in the summary.
    static let notablePrefixes = ["watchlist.", "authorisation.", "audit.export", "summary.export", "transparency.export", "rules.load",
                                  "faces.threshold", "operator.", "retention.apply", "retention.policy", "login.failed", "login.refused",
                                  "social.config", "forecast.police_weight", "patrol.issue"]

    public static func build(_ r: ShiftRecords, forecast: ForecastSection?, patrols: DosageSection? = nil,
                             targets: ResponseTargets = ResponseTargets(), generatedAt: Date) -> ShiftSummary {
        let format = TimestampFormatter(timeZone: r.timeZone)
        let steps = steps(r)
        return ShiftSummary(
            shift: ReportWindow(start: format.string(from: r.start), end: format.string(from: r.end),
                                hours: r.end.timeIntervalSince(r.start) / 3600, timeZone: r.timeZone.identifier),
            generatedAt: format.string(from: generatedAt), alerts: alertSection(r, steps, targets: targets), forecast: forecast,
            faces: faceSection(r, format), social: socialSection(r), cameras: outages(r, steps, format), audit: auditSection(r, format),
            patrols: patrols)
    }

    /// Each alert's steps before the shift's end: the first time a person took
    /// it on (acknowledged, held, forwarded, dispatched or closed; a snooze is
    /// not taking it on), was dispatched and was closed.
    struct Steps { var acknowledged: Date?, dispatched: Date?, closed: Date? }

    static let takenOn: Set<AlertState> = [.acknowledged, .onHold, .forwarded, .dispatched, .closed]

    static func steps(_ r: ShiftRecords) -> [Int64: Steps] {
        var out: [Int64: Steps] = [:]
        for t in r.transitions.sorted(by: { $0.at < $1.at }) where t.at < r.end {
            var s = out[t.alertID] ?? Steps()
            if Self.takenOn.contains(t.to), s.acknowledged == nil { s.acknowledged = t.at }
            if t.to == .dispatched, s.dispatched == nil { s.dispatched = t.at }
            if t.to == .closed, s.closed == nil { s.closed = t.at }
            out[t.alertID] = s
        }
        return out
    }

    static func alertSection(_ r: ShiftRecords, _ steps: [Int64: Steps], targets: ResponseTargets) -> AlertSection {
        let created = r.alerts.filter { $0.alert.createdAt >= r.start && $0.alert.createdAt < r.end }
        let disposition = Dictionary(r.alerts.compactMap { a in a.disposition.map { (a.alert.id, $0) } }, uniquingKeysWith: { a, _ in a })
        var byRule: [String: Int] = [:], byPriority: [String: Int] = [:]
        for a in created { byRule[a.alert.ruleID, default: 0] += 1; byPriority[String(a.alert.priority), default: 0] += 1 }

        // State at the end: the last transition before the end, else new.
        var stateAtEnd: [Int64: AlertState] = [:]
        for a in r.alerts { stateAtEnd[a.alert.id] = .new }
        for t in r.transitions.sorted(by: { $0.at < $1.at }) where t.at < r.end { stateAtEnd[t.alertID] = t.to }
        var states: [String: Int] = [:]
        for (_, s) in stateAtEnd { states[s.rawValue, default: 0] += 1 }

        var dispositions: [String: Int] = [:], operators: [String: OperatorWorkload] = [:]
        var snoozed = 0, forwarded = 0, system = 0
        for t in r.transitions where t.at >= r.start && t.at < r.end {
            if t.to == .snoozed { snoozed += 1 }
            if t.to == .forwarded { forwarded += 1 }
            if t.to == .closed, let d = disposition[t.alertID] { dispositions[d.rawValue, default: 0] += 1 }
            // The system actor is not an operator: its transitions are counted apart.
            guard t.operatorName != Principal.feed.name else { system += 1; continue }
            var w = operators[t.operatorName] ?? OperatorWorkload(name: t.operatorName, acknowledged: 0, dispatched: 0, closed: 0, other: 0)
            switch t.to {
            case .acknowledged: w.acknowledged += 1
            case .dispatched: w.dispatched += 1
            case .closed: w.closed += 1
            default: w.other += 1
            }
            operators[t.operatorName] = w
        }

        let response = (1...5).compactMap { p -> PriorityResponse? in
            let group = created.filter { $0.alert.priority == p }
            guard !group.isEmpty else { return nil }
            func stats(_ alerts: [StoredAlert], _ step: (Steps) -> Date?, target: Double) -> IntervalStats {
                let seconds = alerts.compactMap { a in steps[a.alert.id].flatMap(step).map { $0.timeIntervalSince(a.alert.createdAt) } }
                let met = seconds.filter { $0 <= target }.count
                return IntervalStats(alerts: alerts.count, reached: seconds.count, medianSeconds: ReportStatistics.median(seconds),
                                     p90Seconds: ReportStatistics.percentile(seconds, 90), targetSeconds: target, metTarget: met,
                                     shareMet: ReportStatistics.share(met, of: alerts.count))
            }
            let need = group.map { dispatchNeed($0, steps[$0.alert.id], disposition: disposition[$0.alert.id], required: r.dispatchRequired) }
            return PriorityResponse(priority: p, acknowledged: stats(group, \.acknowledged, target: targets.acknowledgeSeconds[p] ?? 60),
                                    dispatched: stats(zip(group, need).filter { $1 == .applies }.map(\.0), \.dispatched,
                                                      target: targets.dispatchSeconds[p] ?? 300),
                                    closed: stats(group, \.closed, target: targets.closeSeconds[p] ?? 3600),
                                    closedWithoutDispatch: need.filter { $0 == .excused }.count,
                                    dispatchNotNeeded: need.filter { $0 == .notNeeded }.count)
        }

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = r.timeZone
        var perHour: [HourCount] = []
        var hourStart = r.start
        while hourStart < r.end {
            let next = min(r.end, calendar.dateInterval(of: .hour, for: hourStart)?.end ?? hourStart.addingTimeInterval(3600))
            var counts = [Int](repeating: 0, count: 5)
            for a in created where a.alert.createdAt >= hourStart && a.alert.createdAt < next { counts[min(max(a.alert.priority, 1), 5) - 1] += 1 }
            perHour.append(HourCount(hour: String(format: "%02d:00", calendar.component(.hour, from: hourStart)), byPriority: counts))
            hourStart = next
        }

        let bounds: [Double] = [30, 60, 120, 300, 600, 1800]
        var bins = bounds.map { HistogramBin(upToSeconds: $0, count: 0) } + [HistogramBin(upToSeconds: nil, count: 0)]
        for a in created {
            guard let ack = steps[a.alert.id]?.acknowledged else { continue }
            let s = ack.timeIntervalSince(a.alert.createdAt)
            bins[bounds.firstIndex { s < $0 } ?? bounds.count].count += 1
        }
        var section = AlertSection(created: created.count, byRule: byRule, byPriority: byPriority, stateAtEnd: states, dispositions: dispositions,
                                   response: response, unhandledAtEnd: stateAtEnd.values.filter { $0 == .new }.count, snoozed: snoozed,
                                   forwarded: forwarded, operators: operators.values.sorted { $0.name < $1.name }, systemTransitions: system, perHour: perHour,
                                   acknowledgeHistogram: bins, goal: targets.goal)
        // An escalation is the system's New → New step, recorded once per alert when it came due.
        section.escalated = Set(r.transitions.filter { $0.from == .new && $0.to == .new && $0.at >= r.start && $0.at < r.end }.map(\.alertID)).count
        // Alerts closed at the end by a standing override: an override undone (and made again) counts once, or not at all.
        let overridden = Set(r.audit.filter { $0.isAction(.alertCloseOverride) }.compactMap { Int64($0.subject) })
        section.closeOverrides = overridden.filter { stateAtEnd[$0] == .closed }.count
        section.procedures = procedureProgress(r)
        return section
    }

    static func procedureProgress(_ r: ShiftRecords) -> ProcedureProgress {
        var p = ProcedureProgress()
        let ticks = Dictionary(grouping: r.ticks.filter { $0.at < r.end }, by: \.alertID)
        let closedAt = Dictionary(r.transitions.filter { $0.to == .closed }.map { ($0.alertID, $0.at) }, uniquingKeysWith: max)
        for a in r.alerts.sorted(by: { $0.alert.id < $1.alert.id }) {
            let steps = ProcedureSteps.split(a.procedure).count
            guard steps > 0 else { continue }
            let done = Set((ticks[a.alert.id] ?? []).map(\.step)).count
            p.alerts += 1
            p.steps += steps
            p.ticked += (ticks[a.alert.id] ?? []).filter { $0.at >= r.start }.count
            if done >= steps { p.complete += 1 }
            if let c = closedAt[a.alert.id], c >= r.start, c < r.end, done < steps {
                p.closedIncomplete.append(IncompleteProcedure(alert: a.alert.id, rule: a.alert.ruleID, ticked: done, steps: steps))
            }
        }
        return p
    }

    enum DispatchNeed { case applies, excused, notNeeded }

    /// The dispatch-target rule: an alert dispatched before the end is held
    /// to the target; one closed as false alarm or duplicate without a unit
    /// sent needed none (excused, counted apart); otherwise the target applies
    /// only when its rule says `dispatch = required`.
    static func dispatchNeed(_ a: StoredAlert, _ s: Steps?, disposition: Disposition?, required: Set<String>) -> DispatchNeed {
        if s?.dispatched != nil { return .applies }
        if s?.closed != nil, disposition == .falseAlarm || disposition == .duplicate { return .excused }
        return required.contains(a.alert.ruleID) ? .applies : .notNeeded
    }

    static func faceSection(_ r: ShiftRecords, _ format: TimestampFormatter) -> FaceSection {
        let states = r.hits.map(\.hit.state)
        let waits = r.hits.compactMap { h in h.firstDecision.map { $0.timeIntervalSince(h.hit.time) } }
        return FaceSection(probesReceived: r.counters["faces.probes_received"] ?? 0, probesSearched: r.counters["faces.searched"] ?? 0,
                           belowThreshold: r.counters["faces.no_match"] ?? 0, droppedUnauthorised: r.counters["faces.dropped_unauthorised"] ?? 0,
                           candidates: r.hits.count, confirmed: states.filter { $0 == .confirmed || $0 == .dispatched }.count,
                           rejected: states.filter { $0 == .rejected }.count,
                           pending: states.filter { $0 == .pending || $0 == .confirmedOnce }.count,
                           dispatched: states.filter { $0 == .dispatched }.count,
                           medianSecondsToDecision: ReportStatistics.median(waits), threshold: r.threshold,
                           thresholdSetAt: r.thresholdSetAt.map(format.string(from:)))
    }

    static func socialSection(_ r: ShiftRecords) -> SocialSection {
        let byCategory = Engine.flagsByCategory(r.counters)
        let decisions = r.audit.filter { $0.isAction(.flagCredible) || $0.isAction(.flagNotCredible) }
        return SocialSection(postsClassified: r.counters["posts.classified"] ?? 0, flags: byCategory.values.reduce(0, +),
                             flagsByCategory: byCategory, credible: decisions.filter { $0.isAction(.flagCredible) }.count,
                             notCredible: decisions.filter { $0.isAction(.flagNotCredible) }.count,
                             pendingAtEnd: r.flags.filter { $0.flag.state == .pending }.count,
                             surgeAlerts: r.alerts.filter { $0.alert.ruleID == "social-surge" && $0.alert.createdAt >= r.start }.count,
                             protectedSpeechRefusals: r.counters["social.protected_speech_refusals"] ?? 0)
    }

    /// Offline and tamper alerts, and how long each lasted inside the shift.
    static func outages(_ r: ShiftRecords, _ steps: [Int64: Steps], _ format: TimestampFormatter) -> [CameraOutage] {
        return r.alerts.compactMap { a in
            guard let kind = r.ruleKinds[a.alert.ruleID], kind == "offline" || kind == "tamper" else { return nil }
            let closed = steps[a.alert.id]?.closed
            let from = max(a.alert.createdAt, r.start), to = min(closed ?? r.end, r.end)
            return CameraOutage(camera: a.alert.cameraID ?? "?", kind: kind, from: format.string(from: a.alert.createdAt),
                                to: closed.map(format.string(from:)), minutes: max(0, to.timeIntervalSince(from)) / 60)
        }
    }

    static func auditSection(_ r: ShiftRecords, _ format: TimestampFormatter) -> AuditSection {
        var byAction: [String: Int] = [:]
        for a in r.audit { byAction[a.action, default: 0] += 1 }
        let notable = r.audit.filter { rec in notablePrefixes.contains { rec.action.hasPrefix($0) } }.map {
            NotableAction(time: format.string(from: $0.time), operatorName: $0.operatorName, action: $0.action, subject: $0.subject)
        }
        var intact = true, bad: Int64?
        if case .broken(let s, _) = r.verification { intact = false; bad = s }
        return AuditSection(chainIntact: intact, firstBadRecord: bad, recordsInShift: r.audit.count, byAction: byAction, notable: notable)
    }
}
