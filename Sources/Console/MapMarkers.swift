import Engine
import Foundation

/// The map's item markers gathered per cell and kind: one glyph per cell,
/// with how many items it stands for and how old the newest is, so 86
/// alerts on one corner read as one count, not a pile (issue 23).
struct MapMarkers {
    /// Drawn in this order: a later kind covers an earlier one in the same cell.
    enum Kind: Int, CaseIterable, Comparable {
        case flag, hit, alert
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }
    struct Mark: Equatable {
        var count: Int
        var newest: Date
        func isOld(at now: Date) -> Bool { now.timeIntervalSince(newest) > MapMarkers.fadeAfter }
    }

    /// A marker whose newest item is older than this is drawn dim.
    static let fadeAfter: TimeInterval = 3_600

    /// By cell (row × columns + column), the marks of each kind there.
    private(set) var cells: [Int: [Kind: Mark]] = [:]

    init(_ s: Situation, _ g: MapGeometry) {
        func add(_ p: PlanarPoint?, _ kind: Kind, _ time: Date) {
            guard let p, let c = g.cell(of: p) else { return }
            let i = c.row * g.inner.columns + c.column
            var m = cells[i]?[kind] ?? Mark(count: 0, newest: time)
            m.count += 1
            m.newest = max(m.newest, time)
            cells[i, default: [:]][kind] = m
        }
        for f in s.flags { add(f.position, .flag, f.time) }
        for h in s.hits where h.state != .confirmed { add(h.position, .hit, h.time) }
        for a in s.alerts where a.state == .new || a.escalated { add(a.position, .alert, a.createdAt) }
    }

    /// The glyph for a mark: the kind's own for one item, else the count (2–9, then `+`/`&` for ten or more).
    static func glyph(_ kind: Kind, _ m: Mark, _ glyphs: GlyphSet) -> String {
        if m.count > 9 { return glyphs.manyMarker }
        if m.count > 1 { return String(m.count) }
        switch kind {
        case .flag: return glyphs.flagMarker
        case .hit: return glyphs.hitMarker
        case .alert: return glyphs.alertMarker
        }
    }

    /// The legend entry a mark shows.
    static func legend(_ kind: Kind, _ m: Mark) -> MapView.Legend {
        if m.count > 1 { return .count }
        switch kind {
        case .flag: return .flag
        case .hit: return .hit
        case .alert: return .alert
        }
    }

    static func role(_ kind: Kind, _ m: Mark, now: Date) -> StyleRole {
        if m.isOld(at: now) { return .mapMarkerOld }
        switch kind {
        case .flag: return .flagPending
        case .hit: return .hitPending
        case .alert: return .alertNew
        }
    }

    /// "3 alerts · 1 flag": what the cursor's cell holds, or nil.
    func summary(cell: Int, _ l: Language, separator: String) -> String? {
        guard let marks = cells[cell], !marks.isEmpty else { return nil }
        return marks.keys.sorted(by: >).map { k in
            let n = marks[k]!.count
            let word: String
            switch k {
            case .alert: word = Strings.text(n == 1 ? "legend.alert" : "map.alerts", l)
            case .hit: word = Strings.text(n == 1 ? "legend.hit" : "map.hits", l)
            case .flag: word = Strings.text(n == 1 ? "legend.flag" : "map.flags", l)
            }
            return "\(n) \(word)"
        }.joined(separator: separator)
    }
}
