import Foundation
import Hotspots
import VigiaCore

extension Engine {
    /// The transparency report for [from, to) (auditor, supervisor, admin); the export is audited.
    public func transparencyReport(from: Date, to: Date, model: String = "recency", spreadFactor: Double = DistrictSpread.defaultFactor,
                                   format: String? = nil, as principal: Principal) throws -> TransparencyReport {
        try require(.exportReports, of: principal)
        guard spreadFactor >= 1, spreadFactor.isFinite else {
            throw EngineError.badInput(file: "--spread-factor", line: nil, field: String(spreadFactor), reason: "the factor must be 1 or more")
        }
        guard to > from else { throw EngineError.badInput(file: "--to", line: nil, field: nil, reason: "the period must end after it starts") }
        guard to.timeIntervalSince(from) <= 400 * 86_400 else {
            throw EngineError.badInput(file: "--from", line: nil, field: nil, reason: "a transparency report covers at most 400 days")
        }
        let format8601 = TimestampFormatter(timeZone: timeZone)
        let counters = try counters(from: from, to: to)
        let audit = try self.audit.records(from: from, to: to)
        func count(_ action: AuditAction) -> Int { audit.filter { $0.isAction(action) }.count }

        let hits = try faceSearch.hits(states: nil).filter { $0.time >= from && $0.time < to }.map(\.state)
        let auths = try faceSearch.authorisations().filter { $0.from < to && $0.to > from }
        let lapsed = Set(audit.filter { $0.isAction(.authorisationLapsed) }.map(\.subject))
        let faces = TransparencyReport.Faces(
            probesReceived: counters["faces.probes_received"] ?? 0, probesSearched: counters["faces.searched"] ?? 0,
            belowThreshold: counters["faces.no_match"] ?? 0, droppedUnauthorised: counters["faces.dropped_unauthorised"] ?? 0,
            notSearchedUncalibrated: counters["faces.not_searched_uncalibrated"] ?? 0, candidates: hits.count,
            confirmed: hits.filter { $0 == .confirmed || $0 == .dispatched }.count, rejected: hits.filter { $0 == .rejected }.count,
            pending: hits.filter { $0 == .pending || $0 == .confirmedOnce }.count, dispatched: hits.filter { $0 == .dispatched }.count,
            authorisations: TransparencyReport.Authorisations(
                total: auths.count, urgent: auths.filter(\.urgent).count, urgentConfirmed: auths.filter { $0.urgent && $0.confirmedBy != nil }.count,
                lapsed: auths.filter { lapsed.contains(String($0.id)) }.count, revoked: auths.filter { $0.revokedAt != nil }.count,
                wholeList: auths.filter { $0.entries == nil }.count, namedEntries: auths.filter { $0.entries != nil }.count,
                allCameras: auths.filter { $0.cameras == nil }.count, namedCameras: auths.filter { $0.cameras != nil }.count,
                medianHours: ReportStatistics.median(auths.map { $0.to.timeIntervalSince($0.from) / 3600 })))

        let closures = try self.audit.records(from: nil, to: to).filter { $0.isAction(.watchlistRevoke) || $0.isAction(.watchlistExpire) }
        let watchlist = TransparencyBuilder.watchlist(entries: try self.watchlist.entries().map(\.entry),
                                                      closedAt: Dictionary(closures.map { ($0.subject, $0.time) }, uniquingKeysWith: min),
                                                      from: from, to: to, timeZone: timeZone)

        let social = TransparencyReport.Social(
            postsClassified: counters["posts.classified"] ?? 0, flagsByCategory: Self.flagsByCategory(counters), credible: count(.flagCredible),
            notCredible: count(.flagNotCredible), surgeAlerts: counters["social.surges"] ?? 0,
            protectedSpeechRefusals: counters["social.protected_speech_refusals"] ?? 0, configurationRefusals: count(.socialConfigRefused))

        let created = try alerts.alerts(activeFrom: from, to: to).filter { $0.alert.createdAt >= from }
        var byPriority: [String: Int] = [:], dispositions: [String: Int] = [:]
        for a in created {
            byPriority[String(a.alert.priority), default: 0] += 1
            if a.alert.state == .closed, let d = a.disposition { dispositions[d.rawValue, default: 0] += 1 }
        }
        let auditCheck = try auditReport()
        let intact = auditCheck.holds
        let head = auditCheck.checkpoints?.latest.map {
            TransparencyReport.SignedHead(sequence: $0.sequence, hash: $0.hash, publicKey: $0.publicKey,
                                          keyFingerprint: AuditCheckpoint.fingerprint(ofPublicKey: $0.publicKey), signature: $0.signature, line: $0.line)
        }
        let report = TransparencyReport(
            period: ReportWindow(start: format8601.string(from: from), end: format8601.string(from: to),
                                 hours: to.timeIntervalSince(from) / 3600, timeZone: timeZone.identifier),
            generatedAt: format8601.string(from: clock.now()), faces: faces, watchlist: watchlist, calibration: try storedCalibration(),
            reportCard: try storedReportCard(), social: social, alerts: TransparencyReport.Alerts(created: created.count, byPriority: byPriority, dispositions: dispositions),
            forecast: try forecastAccuracy(from: from, to: to, model: model, spreadFactor: spreadFactor, as: principal),
            patrols: try dosage(start: from, end: to)?.anonymised,
            audit: TransparencyReport.Audit(chainIntact: intact, records: audit.count,
                                            exports: audit.filter { $0.action.hasSuffix(".export") }.count, failedSignIns: count(.loginFailed),
                                            signedHead: head),
            oversight: try oversight(from: from, to: to).anonymised)
        try self.audit.append(AuditEntry(principal: principal, action: .transparencyExport, subject: "\(report.period.start)/\(report.period.end)",
                                         details: ["format": .string(format ?? "json")]))
        return report
    }

    /// The stored calibration with its per-group rates, without any identity.
    func storedCalibration() throws -> TransparencyReport.CalibrationResult? {
        guard let o = try thresholdSetting(), let t = (o["threshold"] as? NSNumber)?.doubleValue else { return nil }
        let groups = ((o["groups"] as? [[String: Any]]) ?? []).compactMap { g -> TransparencyReport.GroupRates? in
            guard let name = g["group"] as? String else { return nil }
            return TransparencyReport.GroupRates(group: name, nonMatedSearches: (g["non_mated"] as? NSNumber)?.intValue ?? 0,
                                                 matedSearches: (g["mated"] as? NSNumber)?.intValue ?? 0,
                                                 fpir: (g["fpir"] as? NSNumber)?.doubleValue ?? 0, fnir: (g["fnir"] as? NSNumber)?.doubleValue ?? 0)
        }
        func spread(_ v: [Double]) -> Double? { v.count >= 2 ? (v.max() ?? 0) - (v.min() ?? 0) : nil }
        return TransparencyReport.CalibrationResult(
            threshold: t, targetFPIR: (o["fpir"] as? NSNumber)?.doubleValue ?? 0, measuredFPIR: (o["measured_fpir"] as? NSNumber)?.doubleValue,
            measuredFNIR: (o["measured_fnir"] as? NSNumber)?.doubleValue,
            calibratedAt: (o["calibrated_at"] as? NSNumber).map { TimestampFormatter(timeZone: timeZone).string(from: Date(timeIntervalSince1970: $0.doubleValue)) },
            watchlistEntries: (o["entries"] as? NSNumber)?.intValue, groups: groups,
            fpirSpread: spread(groups.filter { $0.nonMatedSearches > 0 }.map(\.fpir)), fnirSpread: spread(groups.filter { $0.matedSearches > 0 }.map(\.fnir)))
    }

    /// Daily forecasts over the period scored against each day's incidents (hit rate, PAI and PEI with
    /// 95 % intervals), and the concentration and spread of the forecast made at its end.
    func forecastAccuracy(from: Date, to: Date, model name: String, spreadFactor: Double, as principal: Principal) throws -> TransparencyReport.Forecast? {
        guard let (report, _, input) = try? forecast(at: to, horizon: 86_400, model: name, top: 0, spreadFactor: spreadFactor, as: principal),
              let model = ModelCatalogue.model(named: name, timeZone: timeZone) else { return nil }
        let starts = Backtest.periodStarts(from: from.timeIntervalSince1970, to: to.timeIntervalSince1970, horizon: 86_400)
        guard let first = starts.first else { return nil }
        let valid = ValidCells.history(input.history, before: first)
        let score = Backtest.run(model: model, history: input.history, grid: input.grid, validCells: valid, periodStarts: starts,
                                 horizon: 86_400, percents: [1, 5, 10])
        return TransparencyReport.Forecast(
            model: report.model, days: starts.count, incidents: score.periods.reduce(0) { $0 + $1.incidents },
            coverage: CoverageResult.pooled(score.periods),
            gini: report.gini, districts: report.concentration.map {
                TransparencyReport.DistrictRow(district: $0.district, riskShare: $0.riskShare, topCellShare: $0.topCellShare, incidentShare: $0.incidentShare)
            }, spread: report.spread, spreadFactor: report.spreadFactor, districtLabel: try lookupLayer()?.parentKey)
    }
}

/// The report's pure parts, tested alone.
public enum TransparencyBuilder {
    /// Entries in force on each day, orders issued, expiries and revocations in the period, offences in force at the end.
    public static func watchlist(entries: [WatchlistEntry], closedAt: [String: Date], from: Date, to: Date,
                                 timeZone: TimeZone) -> TransparencyReport.Watchlist {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // A revoked entry whose revocation time is unknown (it arrived revoked) was never searchable here.
        func inForce(_ e: WatchlistEntry, at t: Date) -> Bool {
            guard e.status != .revoked || closedAt[e.id] != nil else { return false }
            return e.issuedOn <= t && e.expiresOn > t && (closedAt[e.id].map { $0 > t } ?? true)
        }
        var days: [TransparencyReport.DayCount] = []
        var day = calendar.startOfDay(for: from)
        while day < to, days.count < 400 {
            let noon = max(from, min(day.addingTimeInterval(12 * 3600), to.addingTimeInterval(-1)))
            days.append(TransparencyReport.DayCount(date: String(TimestampFormatter(timeZone: timeZone).string(from: day).prefix(10)),
                                                    entries: entries.filter { inForce($0, at: noon) }.count))
            day = calendar.date(byAdding: .day, value: 1, to: day) ?? to
        }
        let end = to.addingTimeInterval(-1)
        var offences: [String: Int] = [:]
        for e in entries where inForce(e, at: end) { offences[e.offenceCategory, default: 0] += 1 }
        let revoked = entries.filter { e in e.status == .revoked && closedAt[e.id].map { $0 >= from && $0 < to } ?? false }.count
        let expired = entries.filter { e in
            let when = e.status == .revoked ? nil : (closedAt[e.id].map { min($0, e.expiresOn) } ?? e.expiresOn)
            return when.map { $0 >= from && $0 < to } ?? false
        }.count
        return TransparencyReport.Watchlist(inForce: days, ordersIssued: entries.filter { $0.issuedOn >= from && $0.issuedOn < to }.count,
                                            expired: expired, revoked: revoked, offenceCategories: offences)
    }
}
