import FaceMatch
import Foundation
import VigiaCore

/// `faces calibrate --report`: the galleries to build, where their fillers
/// come from, and the card as text or Markdown.
public enum FacesReportCard {
    /// "10000,100000,list" → [10000, 100000, nil].
    static func sizes(_ spec: String) throws -> [Int?] {
        try spec.split(separator: ",").map { part -> Int? in
            let s = part.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
            if s == "list" { return nil }
            guard let n = Int(s), n > 0 else { throw EngineError.badInput(file: "--galleries", line: nil, field: nil, reason: "'\(part)' is not a size; give e.g. 10000,100000,list") }
            return n
        }
    }

    /// `count` filler embeddings: `synthetic[:SEED]` draws new identities from
    /// the sample data's face model (meaningful only for sets made by
    /// `vigia sample generate` with that seed, 2018 by default); any other
    /// value is a JSON-lines file of `embedding` or `embedding_f16` of people
    /// known to be on no list.
    static func fillers(_ spec: String?, count: Int, dimension: Int) throws -> [[Float]] {
        guard count > 0, let spec else { return [] }
        if spec == "synthetic" || spec.hasPrefix("synthetic:") {
            let seed = UInt64(spec.dropFirst("synthetic:".count)) ?? 2018
            var modelRandom = SeededRandom(seed: seed).fork("face-model")
            let model = SyntheticFaceModel(dimension: dimension, random: &modelRandom)
            var random = SeededRandom(seed: seed).fork("report-card-fillers")
            return (0..<count).map { _ in
                let centre = model.identity(group: model.randomGroup(&random), random: &random)
                return model.capture(of: centre, sigma: SyntheticFaceModel.sigma(&random), random: &random)
            }
        }
        guard let data = FileManager.default.contents(atPath: spec) else { throw EngineError.badInput(file: spec, line: nil, field: nil, reason: "cannot read the fillers file") }
        var out: [[Float]] = []
        for (i, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where out.count < count {
            do {
                let f = try JSONFields(line: line)
                out.append(f.has("embedding_f16") ? try f.embedding("embedding_f16", precision: .float16, dimension: dimension)
                           : try f.embedding("embedding", precision: .float32, dimension: dimension))
            } catch {
                throw EngineError.badInput(file: spec, line: i + 1, field: nil, reason: "\(error)")
            }
        }
        return out
    }

    static func rate(_ r: ErrorRate, places: Int = 4) -> String {
        r.searches == 0 ? "—" : String(format: "%.\(places)f [%.\(places)f, %.\(places)f]", r.rate, r.lower, r.upper)
    }

    static func header(_ card: ReportCard) -> [String] {
        ["group", "non-mated", "mated"] + card.fpirTargets.map { "FNIR @ FPIR \($0)" } + card.fpirTargets.map { "FPIR @ T(\($0))" }
            + ["rank-1 miss (\(card.candidates) cand.)", "not in \(card.candidates)"]
    }

    static func cells(_ row: ReportCard.Row) -> [String] {
        [row.group ?? "all", "\(row.nonMatedSearches)", "\(row.matedSearches)"]
            + row.identification.map { rate($0.fnir) } + row.identification.map { rate($0.fpir, places: 5) }
            + [rate(row.rank1Miss), rate(row.candidatesMiss)]
    }

    static func title(_ g: ReportCard.Gallery) -> String {
        "gallery of \(g.entries) entries (\(g.templates) templates, \(g.fillers) fillers)"
    }

    public static func text(_ card: ReportCard, skipped: [Int], listEntries: Int) -> String {
        var lines = ["report card, NIST FRTE 1:N style: identification mode (FNIR at FPIR \(card.fpirTargets.map { "\($0)" }.joined(separator: ", "))) "
                     + "and investigation mode (rank-1 miss, \(card.candidates) candidates, no threshold); \(card.interval) intervals"]
        for g in card.galleries {
            lines.append("")
            lines.append(title(g) + ": thresholds " + g.rows[0].identification.map { String(format: "%.4f (FPIR %g)", $0.threshold, $0.targetFPIR) }.joined(separator: ", "))
            let rows = [header(card)] + g.rows.map(cells)
            let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
            for r in rows { lines.append("  " + zip(r, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")) }
        }
        for size in skipped {
            lines.append("gallery of \(size): not evaluated; the list has \(listEntries) entries, so it needs \(size - listEntries) fillers (--fillers FILE, or synthetic for the sample data)")
        }
        return lines.joined(separator: "\n")
    }

    public static func markdown(_ card: ReportCard, skipped: [Int], listEntries: Int) -> String {
        var lines = ["## Report card (NIST FRTE 1:N style)", "",
                     "Identification mode: FNIR at the threshold giving FPIR \(card.fpirTargets.map { "\($0)" }.joined(separator: " and ")). "
                     + "Investigation mode: rank-1 miss rate with \(card.candidates) candidates and no threshold. "
                     + "Brackets: \(card.interval) intervals."]
        for g in card.galleries {
            lines += ["", "### " + title(g), "", "| " + header(card).joined(separator: " | ") + " |",
                      "|" + String(repeating: " --- |", count: header(card).count)]
            lines += g.rows.map { "| " + cells($0).joined(separator: " | ") + " |" }
        }
        for size in skipped { lines += ["", "Gallery of \(size): not evaluated (needs \(size - listEntries) fillers)."] }
        return lines.joined(separator: "\n")
    }
}
