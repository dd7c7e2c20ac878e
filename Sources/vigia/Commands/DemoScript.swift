import Engine
import Foundation
import SampleData

/// The headless demo's scripted operators: what a shift's people would do,
/// through the same engine commands the console sends.
enum DemoScript {
    struct Report: Encodable {
        var alertsAcknowledged = 0, alertsDispatched = 0, alertsClosed = 0, alertsHeld = 0, stepsTicked = 0
        var hitsConfirmedTwice = 0, hitsDispatched = 0, hitsRejected = 0, dispatchRefusedBeforeTwo = 0
        var flagsCredible = 0, flagsNotCredible = 0
        var patrolBoxesIssued = 0

        var text: String {
            """
            Scripted operators: \(alertsAcknowledged) alerts acknowledged, \(alertsDispatched) dispatched, \(alertsClosed) closed, \(alertsHeld) held (camera still down), \(stepsTicked) procedure steps ticked; \
            \(hitsConfirmedTwice) candidates confirmed by two people and \(hitsDispatched) dispatched (\(dispatchRefusedBeforeTwo) dispatch refused after one confirmation), \
            \(hitsRejected) rejected; \(flagsCredible) flags credible, \(flagsNotCredible) not credible (deleted); \
            \(patrolBoxesIssued) patrol boxes issued for the shift
            """
        }
    }

    /// Each decision is taken at the time a person would have taken it: the
    /// clock is set to the item's time plus a plausible, deterministic delay,
    /// so the shift summary's response times mean something.
    static func run(engine: Engine, clock: ManualTimeSource, people: [OperatorsFile.Entry]) throws -> Report {
        func delay(_ id: Int64, _ base: Double, _ spread: Int) -> Double { base + Double(Int(truncatingIfNeeded: id &* 7919) % spread) }
        clock.set(SampleGenerator.shiftStart)
        let dispatchers = try people.filter { $0.role == .dispatcher }.prefix(2).map { try engine.signIn(name: $0.name, passphrase: $0.passphrase) }
        guard dispatchers.count == 2 else { return Report() }
        let (first, second) = (dispatchers[0], dispatchers[1])
        var r = Report()
        // The supervisor hands patrol boxes to six units for the shift (dosage).
        if let boss = people.first(where: { $0.role == .supervisor }) {
            let supervisor = try engine.signIn(name: boss.name, passphrase: boss.passphrase)
            let plan = try engine.issuePatrol(at: SampleGenerator.shiftStart, horizon: SampleGenerator.shiftEnd.timeIntervalSince(SampleGenerator.shiftStart),
                                              units: 6, by: supervisor)
            r.patrolBoxesIssued = plan.boxes.count
        }
        // Every step is queued at the time a person would take it, then all run in time order: the audit
        // chain refuses a clock that runs backwards, so a flag reviewed at 18:10 cannot follow an alert closed at 20:00.
        var steps: [(time: Date, seq: Int, run: () throws -> Void)] = []
        func at(_ t: Date, _ run: @escaping () throws -> Void) { steps.append((t, steps.count, run)) }
        // A camera still down keeps its offline alert open (the acknowledgement
        // condition): the operator holds it instead of closing it.
        func closeOrHold(_ id: Int64, _ disposition: Disposition, _ note: String) throws {
            if try engine.conditionHolding(alert: id, as: first) != nil {
                _ = try engine.perform(.alert(id, .hold), by: first); r.alertsHeld += 1
            } else {
                _ = try engine.perform(.alert(id, .close(disposition, note: note)), by: first); r.alertsClosed += 1
            }
        }
        // Alerts: high priorities dispatched and closed as attended; the rest closed as false alarms.
        for item in try engine.alertQueue(as: first).items where item.stored.alert.state == .new {
            let id = item.stored.alert.id
            let urgent = item.effectivePriority <= 2
            var t = item.stored.alert.createdAt.addingTimeInterval(urgent ? delay(id, 12, 90) : delay(id, 40, 420))
            at(t) { _ = try engine.perform(.alert(id, .acknowledge), by: first); r.alertsAcknowledged += 1 }
            // The procedure's steps as a person ticks them: every step of an urgent alert, the first of the others.
            let steps = try engine.procedureSteps(alert: id, as: first).count
            func tick(_ n: Int, _ when: Date) { at(when) { _ = try engine.perform(.alert(id, .tickStep(n)), by: first); r.stepsTicked += 1 } }
            if urgent {
                if steps > 0 { tick(1, t.addingTimeInterval(5)) }
                t += delay(id, 45, 200)
                at(t) { _ = try engine.perform(.alert(id, .dispatch), by: first); r.alertsDispatched += 1 }
                for n in stride(from: 2, through: steps, by: 1) { tick(n, t.addingTimeInterval(Double(n) * 20)) }
                t += delay(id, 600, 1500)
                at(t) { try closeOrHold(id, .attended, "unidad en el lugar") }
            } else {
                if steps > 0 { tick(1, t.addingTimeInterval(10)) }
                t += delay(id, 60, 300)
                at(t) { try closeOrHold(id, .falseAlarm, "revisado en cámara") }
            }
        }
        // Candidates: the strongest confirmed by two people and dispatched; a few rejected.
        let hits = try engine.hitViews(states: [.pending], as: first).sorted { $0.hit.similarity > $1.hit.similarity }
        for (i, h) in hits.enumerated() {
            let id = h.hit.id
            let t = h.hit.time.addingTimeInterval(delay(id, 60, 240))
            if i < 5 {
                at(t) {
                    try engine.perform(.decideHit(id, confirm: true, reason: "rasgos y vestimenta coinciden con la orden"), by: first)
                    do { try engine.perform(.dispatchHit(id), by: first) } catch { r.dispatchRefusedBeforeTwo += 1 }
                }
                at(t.addingTimeInterval(delay(id, 45, 120))) {
                    try engine.perform(.decideHit(id, confirm: true, reason: "coincido, segunda revisión"), by: second)
                    r.hitsConfirmedTwice += 1
                    try engine.perform(.dispatchHit(id), by: second); r.hitsDispatched += 1
                }
            } else if i < 10 {
                at(t) { try engine.perform(.decideHit(id, confirm: false, reason: "no coincide: edad y altura distintas"), by: second); r.hitsRejected += 1 }
            }
        }
        // Flags: bomb threats at the station credible, a few others cleared.
        var notCredible = 0
        for f in try engine.flagViews(as: first) {
            let id = f.flag.id, t = f.post.time.addingTimeInterval(delay(f.flag.id, 120, 480))
            if f.flag.category == .threatToPlace, f.district != nil {
                at(t) { try engine.perform(.reviewFlag(id, credible: true, reason: "amenaza concreta a un lugar con hora"), by: first); r.flagsCredible += 1 }
            } else if notCredible < 5 {
                notCredible += 1
                at(t) {
                    try engine.perform(.reviewFlag(id, credible: false, reason: "hipérbole entre conocidos, sin objetivo real"), by: second); r.flagsNotCredible += 1
                }
            }
        }
        for step in steps.sorted(by: { ($0.time, $0.seq) < ($1.time, $1.seq) }) {
            clock.set(max(clock.now(), step.time))
            try step.run()
        }
        return r
    }
}
