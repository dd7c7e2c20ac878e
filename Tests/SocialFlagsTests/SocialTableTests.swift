import Foundation
import Testing
@testable import SocialFlags

/// Evaluating on tables of real posts: Wilson intervals, CSV/TSV with named
/// columns and quoted fields, and the dev split when it is on this machine.
@Suite("Evaluation on tables of posts")
struct SocialTableTests {
    @Test("Wilson 95 % intervals match hand-computed values")
    func wilson() {
        // 27 of 53: centre 0.5088, half-width 0.1300 (z = 1.96).
        let p = Proportion(count: 27, total: 53)
        #expect(abs(p.wilson95.lowerBound - 0.3787) < 0.001 && abs(p.wilson95.upperBound - 0.6387) < 0.001, "\(p.wilson95)")
        // 0 of 6046 still has an upper bound: 1.96² / (n + 1.96²).
        let zero = Proportion(count: 0, total: 6046).wilson95
        #expect(zero.lowerBound == 0 && abs(zero.upperBound - 3.8415 / (6046 + 3.8415)) < 1e-5)
        #expect(Proportion(count: 5, total: 5).wilson95.upperBound == 1)
        #expect(Proportion(count: 0, total: 0).wilson95 == 0...1)
        #expect(p.summary.hasPrefix("27 of 53 = 50.9 %"))
    }

    let csv = #"""
    id,title,text,context_tweet,HATEFUL,CALLS
    1,"Liberaron a un violador","@usuario Bala.","Liberaron al violador por un error ""judicial""",1,1
    2,"Clásico","el domingo los vamos a matar, preparen los pañuelos","River y Boca juegan el superclásico",0,0
    3,Marcha,"vamos todos al Congreso a reventar la plaza de gente",,0,0
    4,Crimen,"que los maten a todos, son basura","Detuvieron a la banda que asaltaba jubilados",1,1
    5,Crimen,"qué vergüenza esta justicia, son unos inútiles",,1,0

    """#

    @Test("a CSV with quoted fields and doubled quotes reads by column name")
    func readCSV() throws {
        let t = try LabelledPostTable.read(bytes: Array(csv.utf8), columns: .init(text: "text", label: "CALLS", context: ["context_tweet"], group: "HATEFUL"))
        #expect(t.rows.count == 5)
        #expect(t.rows[0].context == "Liberaron al violador por un error \"judicial\"")
        #expect(t.rows[0].label == true && t.rows[1].label == false && t.rows[2].context == nil)
        #expect(t.rows.map(\.line) == [2, 3, 4, 5, 6])
        let e = TableEvaluation.run(t, groupName: "HATEFUL", labelName: "CALLS")
        #expect(e.positives == Proportion(count: 2, total: 2))
        #expect(e.negatives == Proportion(count: 0, total: 3))
        #expect(e.groups["CALLS=0 HATEFUL=1"] == Proportion(count: 0, total: 1))
        #expect(e.clearing["sports"] == 1 && e.clearing["protest idiom"] == 1, "\(e.clearing)")
        #expect(e.usedContext)
    }

    @Test("a TSV without a label column: every row counts as a post that must stay unflagged")
    func readTSV() throws {
        let tsv = "id_str\tTWEET\tLABEL\n1\tHay que votar en las urnas\tAGAINST\n2\tque se vayan todos\tFAVOR\n"
        let t = try LabelledPostTable.read(bytes: Array(tsv.utf8), columns: .init(text: "TWEET"))
        #expect(t.rows.count == 2 && t.rows[0].label == nil)
        let e = TableEvaluation.run(t)
        #expect(e.negatives == Proportion(count: 0, total: 2) && e.positives.total == 0)
    }

    @Test("bad tables are refused with the line and the column", arguments: [
        ("text,CALLS\nhola,talvez\n", LabelledPostTable.ReadError.badLabel(line: 2, column: "CALLS", value: "talvez")),
        ("texto,CALLS\nhola,1\n", .missingColumn("text", available: ["texto", "CALLS"])),
        ("text,CALLS\n\"sin cerrar,1\n", .malformed(line: 2)),
        ("", .empty),
    ])
    func refused(_ input: String, _ error: LabelledPostTable.ReadError) {
        #expect(throws: error) { try LabelledPostTable.read(bytes: Array(input.utf8), columns: .init(text: "text", label: "CALLS")) }
    }

    /// The real-post dev split, read where the project keeps it; skipped elsewhere (its licence keeps it out of the repository).
    static let devFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/social-dev")
    static var devPresent: Bool { FileManager.default.fileExists(atPath: devFolder.appendingPathComponent("ar-news-replies-dev.csv").path) }

    @Test("on the real dev split: calls found, protected and ordinary posts left alone", .enabled(if: devPresent))
    func devSplit() throws {
        let ar = try Data(contentsOf: Self.devFolder.appendingPathComponent("ar-news-replies-dev.csv"))
        let replies = try LabelledPostTable.read(bytes: [UInt8](ar), columns: .init(text: "text", label: "CALLS", context: ["context_tweet"], group: "HATEFUL"))
        let e = TableEvaluation.run(replies, groupName: "HATEFUL", labelName: "CALLS")
        #expect(e.positives.rate >= 0.45, "calls recall \(e.positives.summary)")
        #expect((e.groups["CALLS=0 HATEFUL=0"]?.rate ?? 1) <= 0.02, "ordinary replies \(String(describing: e.groups["CALLS=0 HATEFUL=0"]))")
        let cat = try Data(contentsOf: Self.devFolder.appendingPathComponent("catalonia-political-tweets-dev.tsv"))
        let tweets = try LabelledPostTable.read(bytes: [UInt8](cat), columns: .init(text: "TWEET"))
        #expect(TableEvaluation.run(tweets).negatives.rate <= 0.01, "protected political speech flagged")
    }
}
