import Testing
@testable import CameraAlerts

@Suite("Rules file: dispatch = required")
struct DispatchKeyTests {
    @Test("a rule can require a unit for every alert; anything but required or optional is refused with its line")
    func dispatchKey() throws {
        let rules = try RuleFile.parse("[rule t]\nkind = tamper\ndispatch = required\n[rule o]\nkind = offline\n", file: "r.conf")
        #expect(rules.map(\.requiresDispatch) == [true, false])
        #expect(throws: RuleFileErrors(errors: [RuleFileError(file: "r.conf", line: 3, message: "dispatch must be required or optional, found always")])) {
            _ = try RuleFile.parse("[rule t]\nkind = tamper\ndispatch = always\n", file: "r.conf")
        }
    }
}
