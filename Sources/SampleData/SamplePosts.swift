import Foundation
import VigiaCore

extension SampleGenerator {
    struct SamplePost {
        var line: String
        var label: String
    }

    private struct PostSpec {
        var family: SamplePostTemplates.Family
        var english: Bool
        var time: Double
        var location: GeoPoint?
        var forcedPlace: String?
    }

    /// About 3,000 posts during the shift: mostly Rioplatense Spanish, about
    /// one in six in English, about 3 % threats. A protest gathers at Congreso
    /// (loud, protected, never a surge) and a cluster of bomb threats names
    /// Constitución (a surge).
    func makePosts(cameras: [Camera], random: SeededRandom) -> [SamplePost] {
        var random = random
        let start = Self.shiftStart.timeIntervalSince1970, span = Self.shiftEnd.timeIntervalSince1970 - start
        let congreso = GeoPoint(latitude: -34.6096, longitude: -58.3925)
        let constitucion = GeoPoint(latitude: -34.6276, longitude: -58.3811)
        func near(_ p: GeoPoint, metres: Double) -> GeoPoint {
            GeoPoint(latitude: Self.round(p.latitude + random.gaussian() * metres / 111_000, 1e5),
                     longitude: Self.round(p.longitude + random.gaussian() * metres / 91_000, 1e5))
        }
        var specs: [PostSpec] = []
        for i in 0..<8 {
            specs.append(PostSpec(family: SamplePostTemplates.threatPlace, english: false,
                                  time: start + 5 * 3600 + 300 + Double(i) * 150 + random.unit() * 60,
                                  location: near(constitucion, metres: 150), forcedPlace: "la estación Constitución"))
        }
        let protestCount = min(80, options.posts / 10)
        for _ in 0..<protestCount {
            specs.append(PostSpec(family: SamplePostTemplates.protest, english: false, time: start + 3 * 3600 + random.unit() * 7200,
                                  location: random.chance(0.7) ? near(congreso, metres: 120) : nil, forcedPlace: nil))
        }
        while specs.count < options.posts {
            let english = random.chance(1.0 / 6)
            let u = random.unit()
            let family: SamplePostTemplates.Family
            if u < 0.028 {
                family = SamplePostTemplates.threats[random.weightedIndex([0.4, 0.2, 0.2, 0.2])]
            } else if u < 0.30 {
                family = SamplePostTemplates.protectedFamilies[random.weightedIndex([0.45, 0.15, 0.25, 0.15])]
            } else if u < 0.55 {
                family = random.pick(SamplePostTemplates.hardNegatives)
            } else {
                family = SamplePostTemplates.ordinary
            }
            var t = start + random.unit() * span
            if random.chance(0.3) { t = start + min(span - 1, max(0, 5 * 3600 + random.gaussian() * 3600)) }
            let location = random.chance(0.25) ? near(random.pick(incidentPoints), metres: 80) : nil
            specs.append(PostSpec(family: family, english: english, time: t, location: location, forcedPlace: nil))
        }
        specs.sort { $0.time < $1.time }

        var posts: [SamplePost] = []
        for (i, spec) in specs.enumerated() {
            let id = String(format: "p-%06d", i + 1)
            let templates = spec.english && !spec.family.english.isEmpty ? spec.family.english : spec.family.spanish
            let english = spec.english && !spec.family.english.isEmpty
            var text = fill(random.pick(templates), forcedPlace: spec.forcedPlace, random: &random)
            text = english ? roughenEnglish(text, random: &random) : roughenSpanish(text, random: &random)
            var o: [String: CanonicalJSON] = [
                "id": .string(id), "time": .string(timestamp(Date(timeIntervalSince1970: spec.time.rounded(.down)))),
                "platform": .string(["x", "x", "x", "facebook", "instagram"][random.int(in: 0...4)]),
                "author": .string(handle(&random)), "text": .string(text), "lang": .string(english ? "en" : "es"),
            ]
            if let p = spec.location {
                o["lat"] = .double(p.latitude)
                o["lon"] = .double(p.longitude)
            }
            let split = random.chance(0.3) ? "holdout" : "dev"
            let label = [id, spec.family.category == nil ? "none" : "threat", spec.family.category ?? "none",
                         spec.family.protected ? "yes" : "no", spec.family.name, split].joined(separator: ",")
            posts.append(SamplePost(line: CanonicalJSON.object(o).text, label: label))
        }
        return posts
    }

    private func fill(_ template: String, forcedPlace: String?, random: inout SeededRandom) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let key = String(rest[rest.index(after: open)..<close])
            if key == "lugar", let forcedPlace {
                out += forcedPlace
            } else if key == "barrio" {
                out += random.pick(Self.barrioNames)
            } else {
                out += random.pick(SamplePostTemplates.slots[key] ?? ["?"])
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    static let barrioNames = ["Palermo", "Flores", "Balvanera", "Caballito", "Once", "Constitución", "La Boca", "Barracas",
                              "Villa Crespo", "Almagro", "Boedo", "Mataderos", "Liniers", "Belgrano", "Núñez", "Saavedra",
                              "Villa Urquiza", "Lugano", "San Telmo", "Recoleta"]

    private static let emoji = ["😂", "🙄", "🔥", "😡", "💀", "🤬", "👊", "🙏", "❤️", "😤", "🤣"]

    /// How people really type: dropped accents, lower case, "q" for "que",
    /// elongations, a typo, an emoji.
    private func roughenSpanish(_ text: String, random: inout SeededRandom) -> String {
        var t = text
        if random.chance(0.4) {
            for (a, b) in [("á", "a"), ("é", "e"), ("í", "i"), ("ó", "o"), ("ú", "u")] { t = t.replacingOccurrences(of: a, with: b) }
        }
        if random.chance(0.5) { t = t.lowercased() }
        if random.chance(0.2) {
            t = t.replacingOccurrences(of: " que ", with: " q ").replacingOccurrences(of: "porque", with: "xq")
        }
        var words = t.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if random.chance(0.12), let i = words.indices.filter({ words[$0].count > 3 && "aeiou".contains(words[$0].last!) }).randomElement(using: &random) {
            words[i] += String(repeating: String(words[i].last!), count: random.int(in: 2...4))
        }
        if random.chance(0.06), let i = words.indices.filter({ words[$0].count > 4 && words[$0].allSatisfy(\.isLetter) }).randomElement(using: &random) {
            var chars = Array(words[i])
            let j = random.int(in: 1...(chars.count - 2))
            chars.swapAt(j, j + 1)
            words[i] = String(chars)
        }
        t = words.joined(separator: " ")
        if random.chance(0.3) { t += " " + random.pick(Self.emoji) }
        return t
    }

    private func roughenEnglish(_ text: String, random: inout SeededRandom) -> String {
        var t = text
        if random.chance(0.3) { t = t.lowercased() }
        if random.chance(0.2) { t += " " + random.pick(Self.emoji) }
        return t
    }

    /// A pseudonymous handle.
    private func handle(_ random: inout SeededRandom) -> String {
        let words = ["pibe", "mate", "birra", "porteño", "porteña", "vecina", "vecino", "gato", "tano", "ruso", "flaca", "flaco",
                     "cuervo", "millo", "xeneize", "quemero", "fortinero", "pinguino", "asado", "medialuna", "alfajor", "fernet",
                     "colectivero", "bondi", "subte", "mileurista", "runner", "gamer"]
        let prefixes = ["", "el_", "la_", "soy", "re", "don_", "team_"]
        let suffix = random.chance(0.6) ? String(random.int(in: 1...2025)) : ""
        return "@" + random.pick(prefixes) + random.pick(words) + suffix
    }
}
