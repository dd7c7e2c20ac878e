import Foundation
import VigiaCore

/// Embeddings that behave like a modern face model's, without any face:
/// an identity centre `c = unit(α·m_g + z/√d)` (z standard normal, `m_g` a
/// direction per demographic group) and captures `unit(c + σ·z′/√d)` with σ
/// lognormal around 0.75. Genuine pairs score ≈ 0.61 ± 0.12 cosine, impostor
/// pairs ≈ 0.00 ± 0.04; a group with a larger α has higher impostor scores,
/// which calibration reports must reveal.
public struct SyntheticFaceModel: Sendable {
    public struct Group: Sendable {
        public var label: String
        public var alpha: Double
        /// Share of the population.
        public var weight: Double
    }

    public static let standardGroups = [
        Group(label: "A", alpha: 0.05, weight: 0.40), Group(label: "B", alpha: 0.05, weight: 0.30),
        Group(label: "C", alpha: 0.08, weight: 0.20), Group(label: "D", alpha: 0.35, weight: 0.10),
    ]

    public let dimension: Int
    public let groups: [Group]
    private let directions: [[Double]]

    public init(dimension: Int = 512, groups: [Group] = SyntheticFaceModel.standardGroups, random: inout SeededRandom) {
        self.dimension = dimension
        self.groups = groups
        directions = groups.map { _ in Self.unit((0..<dimension).map { _ in random.gaussian() }) }
    }

    public func randomGroup(_ random: inout SeededRandom) -> Int {
        random.weightedIndex(groups.map(\.weight))
    }

    /// A new person's identity centre.
    public func identity(group: Int, random: inout SeededRandom) -> [Double] {
        let scale = 1 / Double(dimension).squareRoot()
        let alpha = groups[group].alpha
        return Self.unit((0..<dimension).map { i in alpha * directions[group][i] + random.gaussian() * scale })
    }

    /// One capture of a person; larger `sigma` is a worse image.
    public func capture(of centre: [Double], sigma: Double, random: inout SeededRandom) -> [Float] {
        let scale = sigma / Double(dimension).squareRoot()
        return Self.unit(centre.map { $0 + random.gaussian() * scale }).map(Float.init)
    }

    /// A capture noise level drawn as the spec says: lognormal around 0.75, log-sd 0.35.
    public static func sigma(_ random: inout SeededRandom) -> Double {
        random.logNormal(median: 0.75, logSD: 0.35)
    }

    /// The edge model's quality estimate for a capture with noise `sigma` (0…1).
    public static func quality(sigma: Double) -> Double {
        (min(0.99, max(0.05, 1.2 - 0.6 * sigma)) * 100).rounded() / 100
    }

    static func unit(_ v: [Double]) -> [Double] {
        let n = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return v.map { $0 / n }
    }
}
