import Foundation
import Testing
@testable import SocialFlags

@Suite("Surge detector and protected-speech guard")
struct SurgeAndGuardTests {
    let start = Date(timeIntervalSince1970: 1_542_301_200)

    @Test("Poisson upper tail matches hand-computed values")
    func poisson() {
        #expect(SurgeDetector.poissonUpperTail(0, mean: 0.5) == 1)
        // P(X ≥ 1 | 0.5) = 1 − e^−0.5
        #expect(abs(SurgeDetector.poissonUpperTail(1, mean: 0.5) - (1 - exp(-0.5))) < 1e-12)
        // P(X ≥ 3 | 1) = 1 − e^−1 (1 + 1 + 1/2)
        #expect(abs(SurgeDetector.poissonUpperTail(3, mean: 1) - (1 - exp(-1) * 2.5)) < 1e-12)
        #expect(SurgeDetector.poissonUpperTail(2, mean: 0) == 0)
    }

    @Test("a cluster of flags in one district raises one alert; the same number spread over districts raises none")
    func cluster() {
        var d = SurgeDetector()
        var surges: [SurgeDetector.Surge] = []
        for i in 0..<8 {
            if let s = d.add(id: "p\(i)", district: "CONSTITUCION", at: start.addingTimeInterval(Double(i) * 150)) { surges.append(s) }
        }
        #expect(surges.count == 1, "cool-down: one alert per district")
        #expect(surges.first?.observed == 3 && surges.first?.district == "CONSTITUCION")
        #expect((surges.first?.pValue ?? 1) < 0.001)
        #expect(surges.first?.flags == ["p0", "p1", "p2"])

        var spread = SurgeDetector()
        let districts = (0..<8).map { "D\($0)" }
        for (i, district) in districts.enumerated() {
            #expect(spread.add(id: "q\(i)", district: district, at: start.addingTimeInterval(Double(i) * 150)) == nil)
        }
    }

    @Test("a steady background rate never surges")
    func background() {
        var d = SurgeDetector()
        // Two located flags an hour for two days, round-robin over 48 districts.
        for i in 0..<96 {
            #expect(d.add(id: "b\(i)", district: "D\(i % 48)", at: start.addingTimeInterval(Double(i) * 1800)) == nil)
        }
    }

    @Test("configurations that follow handles, filter hashtags or geofence places are refused, with the reason", arguments: [
        ("follow = @periodista", "following a person"),
        ("authors = @a,@b", "following a person"),
        ("hashtags = #paro", "hashtag"),
        ("keywords = marcha, ministro", "keyword"),
        ("geofence = -34.609,-58.392,500", "geofencing"),
        ("protest.area = Congreso", "geofencing"),
    ])
    func refusals(line: String, reason: String) {
        do {
            _ = try ProtectedSpeechGuard.check("languages = es,en\n" + line)
            Issue.record("\(line) was accepted")
        } catch let r as ProtectedSpeechGuard.Refusal {
            #expect(r.line == 2)
            #expect(r.reason.contains(reason), "\(r.reason)")
            #expect(r.reason.contains("safeguard 6"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("allowed settings pass; unknown keys are refused rather than ignored")
    func allowed() throws {
        let ok = try ProtectedSpeechGuard.check("# tuning\nlanguages = es,en\nsurge.window_minutes = 20\n\nsurge.alpha = 0.0001\n")
        #expect(ok["surge.window_minutes"] == "20" && ok.count == 3)
        #expect(throws: ProtectedSpeechGuard.Refusal.self) { try ProtectedSpeechGuard.check("surge.windw = 5") }
    }
}
