import Foundation
import Synchronization
import Testing
@testable import Console
import Engine
import VigiaCore

/// A stored shift replayed read-only (issue 23): `[` and `]` move it by
/// 10 min within its period, elsewhere they say why not; the title says when
/// it ended.
@Suite("Replay seek")
struct ReplaySeekTests {
    let size = TerminalSize(columns: 160, rows: 45)

    final class Wall: TimeSource {
        let t = Mutex(Date(timeIntervalSince1970: 1_000_000))
        func now() -> Date { t.withLock { $0 } }
        func advance(_ s: Double) { t.withLock { $0 = $0.addingTimeInterval(s) } }
    }

    @Test("seek moves replayed time by the given seconds, running or paused, never before the start or past the end")
    func clockSeek() {
        let wall = Wall()
        let start = Date(timeIntervalSince1970: 1_542_301_200)
        let clock = PausableReplayClock(start: start, speed: 30, end: start.addingTimeInterval(3_600), wall: wall)
        wall.advance(10)
        #expect(clock.now() == start.addingTimeInterval(300))
        clock.seek(by: 600)
        #expect(clock.now() == start.addingTimeInterval(900))
        wall.advance(10)
        #expect(clock.now() == start.addingTimeInterval(1_200), "it runs on from where it was moved")
        clock.setPaused(true)
        clock.seek(by: -600)
        wall.advance(100)
        #expect(clock.now() == start.addingTimeInterval(600), "paused, it stays where it was moved")
        clock.seek(by: -6_000)
        #expect(clock.now() == start, "not before the start")
        clock.seek(by: 60_000)
        #expect(clock.now() == start.addingTimeInterval(3_600) && clock.finished, "not past the end")
    }

    @Test("[ and ] ask the loop to seek only in a stored replay; elsewhere (live, the demo) they say why not and change nothing")
    func keys() {
        let s = SituationFixture.make()
        var live = UIState(language: .english, glyphs: .unicode)
        #expect(Reducer.reduce(&live, key: .char("["), situation: s, size: size).effects.isDisjoint(with: [.seekBack, .seekForward]))
        #expect(live.message?.contains("--replay") == true)
        var replay = UIState(language: .english, glyphs: .unicode)
        replay.canSeek = true
        #expect(Reducer.reduce(&replay, key: .char("["), situation: s, size: size).effects.contains(.seekBack))
        #expect(Reducer.reduce(&replay, key: .char("]"), situation: s, size: size).effects.contains(.seekForward))
        #expect(replay.message == nil)
    }

    @Test("the title of a stored replay says replay and read-only, then that it ended; in Spanish too")
    func title() {
        var s = SituationFixture.make()
        var state = UIState(language: .english, glyphs: .unicode)
        state.readOnly = true
        s.header.replaySpeed = 30
        #expect(String(render(s, state, size).text.split(separator: "\n")[0]).contains("replay ×30 · VIEW, read-only"))
        s.header.replayEnded = true
        #expect(String(render(s, state, size).text.split(separator: "\n")[0]).contains("replay ended · VIEW, read-only"))
        state.language = .spanish
        #expect(String(render(s, state, size).text.split(separator: "\n")[0]).contains("repetición terminada · CONSULTA, solo lectura"))
        // An --at view (no replay) keeps its title.
        s.header.replaySpeed = nil; s.header.replayEnded = false
        #expect(!String(render(s, state, size).text.split(separator: "\n")[0]).contains("repetición"))
    }
}
