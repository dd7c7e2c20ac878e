import Foundation
import Hotspots
import VigiaCore

extension Engine {
    /// The summary of the shift [start, end) (supervisor, auditor, admin).
    /// `exported` writes a `summary.export` audit record: set it when the
    /// summary leaves the console (a file, stdout); the console's own view reads only.
    public func shiftSummary(start: Date, end: Date, model: String = "recency", targets: ResponseTargets = ResponseTargets(),
                             spreadFactor: Double = DistrictSpread.defaultFactor, format: String? = nil, exported: Bool,
                             as principal: Principal) throws -> ShiftSummary {
        try require(.exportReports, of: principal)
        guard end > start else {
            throw EngineError.badInput(file: "--shift", line: nil, field: nil, reason: "the shift must end after it starts")
        }
        guard end.timeIntervalSince(start) <= 7 * 86_400 else {
            throw EngineError.badInput(file: "--shift", line: nil, field: nil, reason: "a shift summary covers at most 7 days")
        }
        guard spreadFactor >= 1, spreadFactor.isFinite else {
            throw EngineError.badInput(file: "--spread-factor", line: nil, field: String(spreadFactor), reason: "the factor must be 1 or more")
        }
        let records = try shiftRecords(start: start, end: end)
        var summary = ShiftSummaryBuilder.build(records, forecast: try forecastCheck(start: start, end: end, model: model, spreadFactor: spreadFactor, as: principal),
                                                patrols: try dosage(start: start, end: end), targets: targets, generatedAt: clock.now())
        summary.oversight = try oversight(from: start, to: end)
        if exported {
            try audit.append(AuditEntry(principal: principal, action: .summaryExport, subject: "\(summary.shift.start)/\(summary.shift.end)",
                                        details: ["format": .string(format ?? "json")]))
        }
        return summary
    }

    /// The shift that contains `instant` in the standard schedule, as [start, end).
    public func shiftWindow(containing instant: Date) -> ShiftWindow {
        ShiftSchedule.standard(timeZone: timeZone).window(containing: instant)
    }

    /// The shift a summary without `--shift` is about: the one that contains
    /// now, unless it has no alerts yet and an earlier one has; then the last
    /// shift with alerts, with a sentence that says so (a finished demo shift,
    /// a quiet start of a shift). `moved` is nil when it is today's shift.
    public func defaultSummaryShift(as principal: Principal) throws -> (window: ShiftWindow, moved: String?) {
        try require(.exportReports, of: principal)
        let now = clock.now(), current = shiftWindow(containing: now)
        guard let latest = try alerts.latestAlertTime(), latest < current.start else { return (current, nil) }
        let last = shiftWindow(containing: latest)
        let f = TimestampFormatter(timeZone: timeZone)
        let text = "the current shift (\(current.name), from \(f.string(from: current.start))) has no alerts yet; "
            + "this is the last shift that has: \(last.name), \(f.string(from: last.start)) to \(f.string(from: last.end)) "
            + "(give --shift START/END for another)"
        return (last, text)
    }
}
