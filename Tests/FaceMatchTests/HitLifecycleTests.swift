import Testing
import FaceMatch
import VigiaCore

@Suite("Hit life cycle")
struct HitLifecycleTests {
    @Test("two different operators confirm, then dispatch; one rejection closes; nothing moves a closed candidate")
    func transitions() throws {
        #expect(try HitLifecycle.next(from: .pending, action: .confirm(by: "dina"), confirmedBy: []) == .confirmedOnce)
        #expect(try HitLifecycle.next(from: .confirmedOnce, action: .confirm(by: "diego"), confirmedBy: ["dina"]) == .confirmed)
        #expect(try HitLifecycle.next(from: .confirmed, action: .dispatch, confirmedBy: ["dina", "diego"]) == .dispatched)
        #expect(try HitLifecycle.next(from: .pending, action: .reject(by: "dina"), confirmedBy: []) == .rejected)
        #expect(try HitLifecycle.next(from: .confirmedOnce, action: .reject(by: "dina"), confirmedBy: ["dina"]) == .rejected)
        #expect(throws: HitTransitionError(reason: "you confirmed this candidate already; a second, different operator must confirm")) {
            try HitLifecycle.next(from: .confirmedOnce, action: .confirm(by: "dina"), confirmedBy: ["dina"])
        }
        for closed in [HitState.rejected, .dispatched, .confirmed] {
            #expect(throws: HitTransitionError.self) { try HitLifecycle.next(from: closed, action: .confirm(by: "x"), confirmedBy: []) }
            #expect(throws: HitTransitionError.self) { try HitLifecycle.next(from: closed, action: .reject(by: "x"), confirmedBy: []) }
        }
        for early in [HitState.pending, .confirmedOnce, .rejected, .dispatched] {
            #expect(throws: HitTransitionError.self) { try HitLifecycle.next(from: early, action: .dispatch, confirmedBy: ["dina"]) }
        }
        do { _ = try HitLifecycle.next(from: .confirmedOnce, action: .dispatch, confirmedBy: ["dina"]) } catch let e as HitTransitionError {
            #expect(e.reason.contains("1/2 so far"))
        }
    }
}
