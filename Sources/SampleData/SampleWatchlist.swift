import Foundation
import Engine
import FaceMatch
import VigiaCore

/// A fictional wanted person: the file entry plus what only the generator
/// knows (identity centre and group), used for mated probes.
struct SamplePerson {
    var id: String
    var name: String
    var orderReference: String?
    var court: String?
    var offence: String
    var issued: Date
    var expires: Date
    var status: WatchlistStatus
    var group: Int
    var centre: [Double]
    var templates: [[Float]]

    /// Searchable during the demo shift.
    var searchable: Bool {
        orderReference != nil && court != nil && status == .active && expires > SampleGenerator.shiftStart
    }
}

extension SampleGenerator {
    func makeWatchlist(model: SyntheticFaceModel, random: SeededRandom) -> [SamplePerson] {
        var random = random
        var people: [SamplePerson] = []
        let day = 86_400.0
        for i in 1...options.watchlistSize {
            let group = model.randomGroup(&random)
            let centre = model.identity(group: group, random: &random)
            let templates = (0..<random.int(in: 1...3)).map { _ in
                model.capture(of: centre, sigma: SyntheticFaceModel.sigma(&random), random: &random)
            }
            let issued = Self.shiftStart.addingTimeInterval(-Double(random.int(in: 20...1_200)) * day)
            var expires = issued.addingTimeInterval(Double(random.int(in: 180...1_460)) * day)
            var status = WatchlistStatus.active
            let roll = random.unit()
            if roll < 0.03 {
                status = .revoked
            } else if roll < 0.07 {
                status = .expired
                expires = Self.shiftStart.addingTimeInterval(-Double(random.int(in: 1...200)) * day)
            } else if roll < 0.09 {
                // Lapsed but never marked: the engine must notice the date itself.
                expires = Self.shiftStart.addingTimeInterval(-Double(random.int(in: 1...60)) * day)
            } else if expires <= Self.shiftStart {
                expires = Self.shiftStart.addingTimeInterval(Double(random.int(in: 30...700)) * day)
            }
            let year = Calendar(identifier: .gregorian).component(.year, from: issued)
            var reference: String? = "Causa N.º \(random.int(in: 1_000...79_999))/\(year)"
            var court: String? = SampleNames.court(&random)
            // A handful of defective entries that the engine must refuse.
            if i % 397 == 0 { reference = nil }
            if i % 659 == 0 { court = nil }
            people.append(SamplePerson(
                id: String(format: "W-%05d", i),
                name: "\(random.pick(SampleNames.firstNames)) \(random.pick(SampleNames.surnames)) \(random.pick(SampleNames.surnames))",
                orderReference: reference, court: court, offence: random.pick(SampleNames.offences),
                issued: issued, expires: expires, status: status, group: group, centre: centre, templates: templates))
        }
        return people
    }

    func watchlistJSON(_ people: [SamplePerson]) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        func day(_ d: Date) -> String {
            let c = calendar.dateComponents([.year, .month, .day], from: d)
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }
        let entries = people.map { p -> String in
            var o: [String: CanonicalJSON] = [
                "id": .string(p.id), "name": .string(p.name), "fictional": true, "offence": .string(p.offence),
                "issued": .string(day(p.issued)), "expires": .string(day(p.expires)), "status": .string(p.status.rawValue),
                "templates": .array(p.templates.map { .string(EmbeddingCodec.encode($0, precision: .float16)) }),
            ]
            if let r = p.orderReference { o["order_reference"] = .string(r) }
            if let c = p.court { o["court"] = .string(c) }
            return CanonicalJSON.object(o).text
        }
        return "{\"schema\":\"\(WatchlistFile.schema)\",\"dimension\":512,\"precision\":\"float16\",\"note\":\"Fictional people: random combinations of common names. Synthetic embeddings.\",\"entries\":[\n"
            + entries.joined(separator: ",\n") + "\n]}\n"
    }

    /// Searches with known answers: non-mated probes of new people and mated
    /// probes of searchable watchlist entries, each with its group label.
    func calibrationLines(model: SyntheticFaceModel, people: [SamplePerson], random: SeededRandom) -> [String] {
        var random = random
        let searchable = people.filter(\.searchable)
        var lines: [String] = []
        let total = options.calibrationNonMated + options.calibrationMated
        var mated = 0, nonMated = 0
        for i in 1...total {
            let remainingMated = options.calibrationMated - mated, remaining = total - i + 1
            let isMated = random.unit() < Double(remainingMated) / Double(remaining)
            let sigma = SyntheticFaceModel.sigma(&random)
            var o: [String: CanonicalJSON] = ["probe": .string(String(format: "C-%06d", i)),
                                              "quality": .double(SyntheticFaceModel.quality(sigma: sigma))]
            if isMated {
                let person = random.pick(searchable)
                o["mated"] = .string(person.id)
                o["group"] = .string(model.groups[person.group].label)
                o["embedding_f16"] = .string(EmbeddingCodec.encode(model.capture(of: person.centre, sigma: sigma, random: &random), precision: .float16))
                mated += 1
            } else {
                let group = model.randomGroup(&random)
                let centre = model.identity(group: group, random: &random)
                o["mated"] = .null
                o["group"] = .string(model.groups[group].label)
                o["embedding_f16"] = .string(EmbeddingCodec.encode(model.capture(of: centre, sigma: sigma, random: &random), precision: .float16))
                nonMated += 1
            }
            lines.append(CanonicalJSON.object(o).text)
        }
        return lines
    }
}
