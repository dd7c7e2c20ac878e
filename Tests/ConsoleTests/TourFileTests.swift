import Foundation
import Testing
@testable import Console

@Suite("The tour file")
struct TourFileTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the shipped tour loads: six steps, each with Spanish and English, the first on the map")
    func shipped() throws {
        let steps = try Tour.load(from: Self.repository.appendingPathComponent("sample-data/tour.json"))
        #expect(steps.count == 6)
        #expect(steps.first?.focus == .map && steps.allSatisfy { !$0.spanish.isEmpty && !$0.english.isEmpty })
        var state = UIState(language: .english, glyphs: .unicode)
        state.tour = steps
        Tour.apply(2, to: &state)
        #expect(state.focus == steps[2].focus)
    }

    @Test("a bad tour file is refused with the step and field that are wrong")
    func badFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tour-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(#"{"schema":"vigia.tour/1","steps":[{"focus":"map","es":"a","en":"b"},{"focus":"garden","es":"a","en":"b"}]}"#.utf8).write(to: url)
        #expect(throws: Tour.LoadError.self) { try Tour.load(from: url) }
        do { _ = try Tour.load(from: url) } catch { #expect("\(error)".contains("steps[1].focus: expected one of map, alerts, hits, flags"), "\(error)") }
        try Data(#"{"schema":"vigia.tour/1","steps":[{"focus":"map","es":"","en":"b"}]}"#.utf8).write(to: url)
        do { _ = try Tour.load(from: url) } catch { #expect("\(error)".contains("steps[0].es"), "\(error)") }
    }
}
