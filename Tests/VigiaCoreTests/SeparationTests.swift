import Foundation
import Testing
@testable import VigiaCore

@Suite("Separation of duties")
struct SeparationTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func op(_ name: String, createdBy: String?, daysAgo: Double, reactivatedBy: String? = nil) -> Operator {
        Operator(name: name, role: .dispatcher, createdAt: now.addingTimeInterval(-daysAgo * 86_400), createdBy: createdBy,
                 statusChangedBy: reactivatedBy, statusChangedAt: reactivatedBy == nil ? nil : now.addingTimeInterval(-86_400))
    }

    @Test("an account made or reactivated by X within 30 days is not X's second person, in either order; older or unrelated ones are")
    func rule() {
        let ops = [op("root", createdBy: nil, daysAgo: 400), op("dina2", createdBy: "root", daysAgo: 2), op("dina", createdBy: "root", daysAgo: 90),
                   op("back", createdBy: "olga", daysAgo: 300, reactivatedBy: "root"), op("diego", createdBy: "root", daysAgo: 3)]
        #expect(SeparationOfDuties.problem(first: "root", second: "dina2", operators: ops, at: now) != nil)
        #expect(SeparationOfDuties.problem(first: "dina2", second: "root", operators: ops, at: now) != nil)
        #expect(SeparationOfDuties.problem(first: "root", second: "back", operators: ops, at: now) != nil, "reactivated by root yesterday")
        #expect(SeparationOfDuties.problem(first: "root", second: "dina", operators: ops, at: now) == nil, "created 90 days ago")
        #expect(SeparationOfDuties.problem(first: "dina2", second: "diego", operators: ops, at: now) == nil, "both made by root, not by each other")
        #expect(SeparationOfDuties.problem(first: "dina", second: "DINA", operators: ops, at: now) != nil, "the same person")
    }

    @Test("pairs confirming together unusually often are flagged; with two people only there is no choice, so no flag")
    func pairs() {
        let onlyTwo = Array(repeating: ("dina", "diego"), count: 12)
        #expect(ConfirmationPairs.unusual(onlyTwo).isEmpty)
        // Five people; dina and diego do 8 of dina's 9 two-person decisions together.
        var many = Array(repeating: ("dina", "diego"), count: 8) + [("dina", "sofia")]
        many += [("sofia", "marta"), ("marta", "pablo"), ("pablo", "sofia"), ("diego", "marta"), ("sofia", "pablo")]
        let flagged = ConfirmationPairs.unusual(many)
        #expect(flagged.count == 1 && flagged[0].first == "diego" && flagged[0].second == "dina" && flagged[0].together == 8)
        #expect(abs(flagged[0].share - 8.0 / 9.0) < 1e-9)
        // Below the minimum count nothing is flagged.
        #expect(ConfirmationPairs.unusual(Array(repeating: ("a", "b"), count: 4) + [("c", "d"), ("e", "f")]).isEmpty)
    }

    @Test("authorisation limits and reasons", arguments: [
        (12.5, 0.0, "Causa 1/2026, orden de captura vigente", "at most 12 h"),
        (2.0, -60.0, "Causa 1/2026, orden de captura vigente", "starts in the past"),
        (2.0, 0.0, "xxxxxxxxxx", "reason"),
        (2.0, 0.0, "urgente urgente urgente", "reason"),
    ])
    func limits(hours: Double, startMinutes: Double, reason: String, problem: String) {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let from = now.addingTimeInterval(startMinutes * 60)
        let verdict = AuthorisationPolicy().check(entries: ["W1"], cameras: ["C1"], from: from, to: from.addingTimeInterval(hours * 3600), reason: reason, now: now)
        #expect(verdict.problem?.contains(problem) == true, "\(String(describing: verdict.problem))")
    }

    @Test("a wide authorisation needs a second supervisor: over 8 h, or every entry on every camera")
    func wide() {
        let now = Date(timeIntervalSince1970: 1_800_000_000), reason = "Causa 1/2026, orden de captura vigente"
        let p = AuthorisationPolicy()
        #expect(!p.check(entries: ["W1"], cameras: nil, from: now, to: now.addingTimeInterval(4 * 3600), reason: reason, now: now).needsSecondApproval)
        #expect(p.check(entries: nil, cameras: nil, from: now, to: now.addingTimeInterval(4 * 3600), reason: reason, now: now).needsSecondApproval)
        #expect(p.check(entries: ["W1"], cameras: ["C1"], from: now, to: now.addingTimeInterval(9 * 3600), reason: reason, now: now).needsSecondApproval)
    }

    @Test("BiometricGuard judges decoded content and raw bytes")
    func biometric() {
        func guarded(_ s: String) -> Bool { BiometricGuard.mightBeFaceProbe(Array(s.utf8)) }
        #expect(guarded(#"{"type":"face","x":1}"#))
        #expect(guarded(#"{"\u0065mbedding":"AAAA"}"#))
        #expect(guarded(#"{"v":[\#((0..<20).map(String.init).joined(separator: ","))]}"#))
        #expect(guarded("not json but face"))
        #expect(guarded("not json " + String(repeating: "QUJD", count: 20)))
        #expect(!guarded(#"{"camera":"CAM-1","type":"detection","label":"person","time":"2018"}"#))
        #expect(!guarded("plain words, nothing else"))
    }
}
