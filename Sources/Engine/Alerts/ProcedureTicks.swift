import CameraAlerts
import Foundation
import VigiaCore

/// Procedures as numbered steps: ticks stored, audited, and read back for
/// the console, `vigia alerts show` and the shift summary.
extension Engine {
    /// Stores the tick of step `step` of `stored`'s procedure, with its audit record.
    func tick(step: Int, of stored: StoredAlert, by principal: Principal) throws {
        let id = stored.alert.id
        let steps = ProcedureSteps.split(stored.procedure)
        guard !steps.isEmpty else {
            throw EngineError.badInput(file: "alert \(id)", line: nil, field: "step", reason: "this alert's rule has no procedure steps")
        }
        guard (1...steps.count).contains(step) else {
            throw EngineError.badInput(file: "alert \(id)", line: nil, field: "step", reason: "step \(step) does not exist; the procedure has steps 1 to \(steps.count)")
        }
        guard stored.alert.state != .closed else {
            throw EngineError.badInput(file: "alert \(id)", line: nil, field: "step", reason: "the alert is closed; its record is final")
        }
        let now = clock.now()
        let details: CanonicalJSON = ["step": .int(Int64(step)), "of": .int(Int64(steps.count))]
        let stored = try alerts.tick(ProcedureTick(alertID: id, step: step, operatorName: principal.name, at: now),
                                     audit: AuditEntry(principal: principal, action: .alertStep, subject: String(id), details: details))
        guard stored else {
            if try alerts.alert(id: id)?.alert.state == .closed {
                throw EngineError.badInput(file: "alert \(id)", line: nil, field: "step", reason: "the alert was closed meanwhile; its record is final")
            }
            let by = try alerts.ticks(alertIDs: [id]).first { $0.step == step }
            let when = by.map { " by \($0.operatorName) at \(TimestampFormatter(timeZone: timeZone).string(from: $0.at))" } ?? ""
            throw EngineError.badInput(file: "alert \(id)", line: nil, field: "step", reason: "step \(step) was already ticked\(when)")
        }
    }

    /// One alert's procedure as numbered steps, each with its tick if it has one.
    public func procedureSteps(alert id: Int64, as principal: Principal) throws -> [ProcedureStepView] {
        try require(.readAll, of: principal)
        guard let stored = try alerts.alert(id: id) else { return [] }
        return Self.stepViews(procedure: stored.procedure, ticks: try alerts.ticks(alertIDs: [id]))
    }

    /// The ticked steps of these alerts.
    public func procedureTicks(alerts ids: [Int64], as principal: Principal) throws -> [ProcedureTick] {
        try require(.readAll, of: principal)
        return try alerts.ticks(alertIDs: ids)
    }

    /// A procedure's numbered steps joined with one alert's ticks (the first tick of a step stands).
    static func stepViews(procedure: String, ticks: [ProcedureTick]) -> [ProcedureStepView] {
        let byStep = Dictionary(ticks.map { ($0.step, $0) }, uniquingKeysWith: { a, _ in a })
        return ProcedureSteps.split(procedure).enumerated().map { ProcedureStepView(number: $0.offset + 1, text: $0.element, tick: byStep[$0.offset + 1]) }
    }
}

/// A procedure step as `vigia alerts show` lists it.
public struct ProcedureStepView: Sendable, Equatable {
    public var number: Int
    public var text: String
    public var tick: ProcedureTick?
}
