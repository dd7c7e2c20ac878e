import Testing
@testable import CameraAlerts
import VigiaCore

@Suite("Alert life cycle")
struct AlertLifecycleTests {
    @Test("the main path: new → acknowledged → dispatched → closed")
    func mainPath() throws {
        var s = AlertState.new
        for a in [AlertAction.acknowledge, .dispatch, .close] { s = try AlertLifecycle.next(from: s, action: a) }
        #expect(s == .closed)
    }

    @Test("snooze returns to new; closed is final")
    func sideStates() throws {
        #expect(try AlertLifecycle.next(from: .snoozed, action: .resume) == .new)
        // The console's h toggles hold and resume: a held alert resumes as taken on (it used to be refused).
        #expect(try AlertLifecycle.next(from: .onHold, action: .resume) == .acknowledged)
        #expect(AlertLifecycle.actions(from: .closed).isEmpty)
    }

    @Test("invalid transitions are refused with the possible ones named")
    func refusals() {
        #expect(throws: AlertTransitionError(from: .new, action: .dispatch)) { try AlertLifecycle.next(from: .new, action: .dispatch) }
        #expect(throws: AlertTransitionError.self) { try AlertLifecycle.next(from: .closed, action: .acknowledge) }
        #expect(AlertTransitionError(from: .new, action: .dispatch).description.contains("possible: acknowledge"))
    }
}
