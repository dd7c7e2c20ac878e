import Foundation
import Testing
@testable import SocialFlags

/// Safeguard 6 in the surge detector: protest-shaped flags never count and
/// never let an area alert fire where they are.
@Suite("Surges and protests")
struct SurgeProtestTests {
    let start = Date(timeIntervalSince1970: 1_542_301_200)

    @Test("five protest-shaped flags at one place raise no surge")
    func protestFlagsNeverSurge() {
        var d = SurgeDetector()
        for i in 0..<5 {
            #expect(d.add(id: "c\(i)", district: "SAN NICOLAS", at: start.addingTimeInterval(Double(i) * 60), protestShaped: true) == nil)
        }
    }

    @Test("threat flags where protest-shaped flags are in the window raise no surge; elsewhere and later they do")
    func protestWindowSuppresses() {
        var d = SurgeDetector()
        _ = d.add(id: "m0", district: "SAN NICOLAS", at: start, protestShaped: true)
        for i in 1...4 {
            #expect(d.add(id: "t\(i)", district: "SAN NICOLAS", at: start.addingTimeInterval(Double(i) * 60)) == nil)
        }
        // The same cluster in another district is a surge.
        var other: [SurgeDetector.Surge] = []
        for i in 1...4 {
            if let s = d.add(id: "o\(i)", district: "CONSTITUCION", at: start.addingTimeInterval(Double(i) * 60 + 5)) { other.append(s) }
        }
        #expect(other.count == 1 && other.first?.flags.allSatisfy { $0.hasPrefix("o") } == true)
        // An hour later the protest mark has left the window.
        var later: [SurgeDetector.Surge] = []
        for i in 0..<4 {
            if let s = d.add(id: "l\(i)", district: "SAN NICOLAS", at: start.addingTimeInterval(3_600 + Double(i) * 60)) { later.append(s) }
        }
        #expect(later.count == 1)
    }

    @Test("the classifier's protest shape decides it: idioms clear, a real threat at a march is flagged but protest-shaped")
    func classifierAndDetector() {
        let c = ThreatClassifier()
        let idiom = c.assess("vamos todos al Congreso a reventar la plaza de gente")
        #expect(!idiom.flagged && idiom.protestShaped)
        let threat = c.assess("vamos todos a la marcha con fierros a matar canas")
        #expect(threat.flagged && threat.protestShaped)
        var d = SurgeDetector()
        for i in 0..<5 {
            let a = c.assess("vamos todos a la marcha con fierros a matar canas \(i)")
            #expect(d.add(id: "x\(i)", district: "SAN NICOLAS", at: start.addingTimeInterval(Double(i) * 60), protestShaped: a.protestShaped) == nil)
        }
    }
}
