import ArgumentParser
import Engine
import Foundation

extension FacesCommand {
    struct Preconditions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show, or record (admin; audited), the legal preconditions without which live face search stays off.",
            discussion: "The oversight body, the date of its last independent report, the impact assessment and the public notice. The transparency report prints them. The demo records demo values.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var signIn: SignInOptions
        @Option(name: .customLong("oversight-body"), help: "Who oversees the system's use.") var oversightBody: String?
        @Option(name: .customLong("last-report"), help: "Date of the body's last independent report (YYYY-MM-DD).") var lastReport: String?
        @Option(name: .customLong("impact-assessment"), help: "Reference of the impact assessment.") var impactAssessment: String?
        @Option(name: .customLong("public-notice"), help: "Where the public was told (reference or address).") var publicNotice: String?

        func run() throws {
            let engine = try database.openEngine()
            let given = [oversightBody, lastReport, impactAssessment, publicNotice].compactMap { $0 }
            if !given.isEmpty {
                guard let body = oversightBody, let report = lastReport, let assessment = impactAssessment, let notice = publicNotice else {
                    throw ValidationError("give all four: --oversight-body, --last-report, --impact-assessment and --public-notice")
                }
                var converter = CivilTimeConverter(timeZone: engine.timeZone)
                try engine.recordLegalPreconditions(oversightBody: body, lastIndependentReport: converter.date(try TimeParser.parseDate(report)),
                                                    impactAssessment: assessment, publicNotice: notice,
                                                    by: try signIn.signIn(engine, purpose: "recording the legal preconditions"))
            }
            if let p = try engine.legalPreconditions() {
                print("oversight body: \(p.oversightBody)\nlast independent report: \(p.lastIndependentReport)\nimpact assessment: \(p.impactAssessment)\npublic notice: \(p.publicNotice)\nrecorded by \(p.recordedBy)")
            } else {
                print(try engine.faceSearchGate() ?? "not recorded (not needed in the demo database)")
            }
        }
    }
}
