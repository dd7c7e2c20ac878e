import FaceMatch
import Foundation
import Testing
@testable import Engine
import VigiaCore

/// Live search took the best ten entries over the whole list, then kept
/// those the authorisation covers: an authorised entry ranked eleventh or
/// lower, behind entries it does not cover, was never a candidate.
@Suite("An authorised entry is found however many others rank above it")
struct AuthorisedEntryRankTests {
    static let dimension = 8

    /// A unit vector `angle` radians away from the probe direction e0, in the e0–e1 plane.
    static func vector(_ angle: Double) -> [Float] {
        var v = [Float](repeating: 0, count: dimension)
        v[0] = Float(cos(angle)); v[1] = Float(sin(angle))
        return v
    }

    func search(authorised entries: [String]?, others: Int) throws -> [(entry: String, similarity: Float)] {
        var index = WatchlistIndex(dimension: Self.dimension)
        // `others` entries closer to the probe than the authorised one, all above the threshold.
        for i in 0..<others { try index.add(entry: String(format: "X%02d", i), templates: [Self.vector(0.05 + 0.01 * Double(i))]) }
        try index.add(entry: "W-AUTH", templates: [Self.vector(0.30)])
        try index.add(entry: "FAR", templates: [Self.vector(1.4)])
        let when = Date(timeIntervalSince1970: 1_542_301_200)
        let authorisation = SearchAuthorisation(id: 1, entries: entries, cameras: nil, from: when, to: when.addingTimeInterval(3600),
                                                reason: "orden judicial de prueba", approvedBy: "sergio", urgent: false, createdAt: when)
        let live = LiveFaceSearch(index: index, threshold: 0.9, authorisations: [authorisation])
        return try live.search([(Self.vector(0), authorisation)])[0]
    }

    @Test("12 uncovered entries rank above the only authorised one: it is still the candidate, at its true score")
    func crowdedOut() throws {
        let found = try search(authorised: ["W-AUTH"], others: 12)
        #expect(found.map(\.entry) == ["W-AUTH"], "\(found)")
        #expect(abs((found.first?.similarity ?? 0) - Float(cos(0.30))) < 1e-4)
    }

    @Test("nothing below the threshold, nothing outside the authorisation, and an all-entries authorisation keeps the best three")
    func boundsHold() throws {
        #expect(try search(authorised: ["FAR"], others: 12).isEmpty, "FAR is below the threshold")
        #expect(try search(authorised: ["NOT-LISTED"], others: 12).isEmpty)
        #expect(try search(authorised: nil, others: 12).map(\.entry) == ["X00", "X01", "X02"])
        #expect(try search(authorised: ["W-AUTH", "X05"], others: 3).map(\.entry) == ["W-AUTH"], "X05 is not in a list of three others")
    }
}
