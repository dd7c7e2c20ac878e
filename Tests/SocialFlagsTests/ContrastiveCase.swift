import Testing
import VigiaCore
@testable import SocialFlags

/// One hand-written post of the contrastive suite and exactly what the
/// classifier must make of it. Every family pairs threats with their near
/// misses: the same words as an idiom, an opinion, a quote, a report, a
/// negation, counter-speech, banter, a lyric or fiction. None of these posts
/// was copied from the real-post dev files or the sample generator.
struct ContrastiveCase: Sendable, CustomTestStringConvertible {
    enum Expect: Sendable, Equatable {
        /// Flagged, in this category.
        case flag(ThreatCategory)
        /// Not flagged, and the assessment names this clearing reason.
        case clear(ClearingReason)
        /// Not flagged (no violent act to clear, or any reason will do).
        case pass
    }

    var family: String
    var language: String
    var text: String
    var context: String?
    var expect: Expect

    var testDescription: String { "[\(family)] \(text)" + (context.map { " ← \($0)" } ?? "") }

    var isFlag: Bool { if case .flag = expect { return true } else { return false } }
}

/// Builds a family's cases tersely.
struct Family {
    var name: String
    var language: String
    var cases: [ContrastiveCase] = []

    init(_ name: String, _ language: String) {
        self.name = name
        self.language = language
    }

    mutating func flag(_ category: ThreatCategory, _ texts: String..., context: String? = nil) {
        for t in texts { cases.append(ContrastiveCase(family: name, language: language, text: t, context: context, expect: .flag(category))) }
    }

    mutating func clear(_ reason: ClearingReason, _ texts: String..., context: String? = nil) {
        for t in texts { cases.append(ContrastiveCase(family: name, language: language, text: t, context: context, expect: .clear(reason))) }
    }

    mutating func pass(_ texts: String..., context: String? = nil) {
        for t in texts { cases.append(ContrastiveCase(family: name, language: language, text: t, context: context, expect: .pass)) }
    }
}
