import Foundation
import Testing

/// `vigia handover` from outside (issue 23): a dispatcher writes the note,
/// the next shift reads it, an auditor cannot write one, bad input is refused.
@Suite("vigia handover", .serialized)
struct HandoverCommandTests {
    @Test("write as a dispatcher, show as text and JSON; an auditor and an empty note are refused with a reason; the chain verifies")
    func writeAndShow() throws {
        let room = try Room()
        let wrote = try room.run(["handover", "write", "--text", "C2 sin imagen: mantenimiento avisado", "--operator", "dina"], as: "dina")
        #expect(wrote.status == 0 && wrote.stdout.contains("handover note saved"), "\(wrote.stderr)")
        let shown = try room.run(["handover", "show"])
        #expect(shown.status == 0 && shown.stdout.contains("dina") && shown.stdout.contains("  C2 sin imagen: mantenimiento avisado"), "\(shown.stdout)\(shown.stderr)")
        let json = try room.run(["handover", "show", "--format", "json", "--operator", "ana"], as: "ana")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.first?["text"] as? String == "C2 sin imagen: mantenimiento avisado" && decoded?.first?["operatorName"] as? String == "dina",
                "\(json.stdout)")

        let auditor = try room.run(["handover", "write", "--text", "hola", "--operator", "ana"], as: "ana")
        #expect(auditor.status != 0 && auditor.stderr.contains("auditor"), "\(auditor.stderr)")
        let empty = try room.run(["handover", "write", "--text", "   ", "--operator", "dina"], as: "dina")
        #expect(empty.status != 0 && empty.stderr.contains("needs words"), "\(empty.stderr)")
        #expect(try room.count("SELECT count(*) FROM handover_note") == 1, "nothing stored by a refusal")
        let before = try room.run(["handover", "show", "--at", "2018-11-15T14:00"])
        #expect(before.status == 0 && before.stdout.contains("no handover notes"), "\(before.stdout)")
        #expect(try room.verify().status == 0)
    }
}
