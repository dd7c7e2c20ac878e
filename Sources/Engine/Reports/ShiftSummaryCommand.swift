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
        var summary = ShiftSummaryBuilder.build(records, forecast: try forecastCheck(start: start, end: end, model: model, spreadFactor: spreadFactor),
                                                patrols: try dosage(start: start, end: end), targets: targets, generatedAt: clock.now())
        summary.oversight = try oversight(from: start, to: end)
        if exported {
            try audit.append(AuditEntry(principal: principal, action: "summary.export", subject: "\(summary.shift.start)/\(summary.shift.end)",
                                        details: ["format": .string(format ?? "json")]))
        }
        return summary
    }

    /// The shift that contains `instant` in the standard schedule, as [start, end).
    public func shiftWindow(containing instant: Date) -> ShiftWindow {
        ShiftSchedule.standard(timeZone: timeZone).window(containing: instant)
    }
}
