import Foundation

/// Transverse Mercator on the WGS84 ellipsoid by Krüger's series to n⁶
/// (Karney 2011, "Transverse Mercator with an accuracy of a few nanometers"):
/// accurate to well under a millimetre within a few thousand kilometres of the
/// central meridian, so it serves both UTM and a city-local plane.
public struct TransverseMercator: Sendable, Hashable {
    public static let wgs84SemiMajorAxis = 6_378_137.0
    public static let wgs84Flattening = 1 / 298.257223563

    public let centralMeridian: Double
    public let scaleFactor: Double
    public let falseEasting: Double
    public let falseNorthing: Double

    private let a: Double
    private let e: Double
    private let rectifyingRadius: Double
    private let alpha: [Double]
    private let beta: [Double]

    public init(centralMeridian: Double, scaleFactor: Double = 1,
                falseEasting: Double = 0, falseNorthing: Double = 0) {
        self.centralMeridian = centralMeridian
        self.scaleFactor = scaleFactor
        self.falseEasting = falseEasting
        self.falseNorthing = falseNorthing
        let f = Self.wgs84Flattening
        a = Self.wgs84SemiMajorAxis
        e = (f * (2 - f)).squareRoot()
        let n = f / (2 - f)
        let n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n
        rectifyingRadius = a / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256)
        alpha = [
            n / 2 - 2.0 / 3 * n2 + 5.0 / 16 * n3 + 41.0 / 180 * n4 - 127.0 / 288 * n5 + 7891.0 / 37800 * n6,
            13.0 / 48 * n2 - 3.0 / 5 * n3 + 557.0 / 1440 * n4 + 281.0 / 630 * n5 - 1983433.0 / 1935360 * n6,
            61.0 / 240 * n3 - 103.0 / 140 * n4 + 15061.0 / 26880 * n5 + 167603.0 / 181440 * n6,
            49561.0 / 161280 * n4 - 179.0 / 168 * n5 + 6601661.0 / 7257600 * n6,
            34729.0 / 80640 * n5 - 3418889.0 / 1995840 * n6,
            212378941.0 / 319334400 * n6,
        ]
        beta = [
            n / 2 - 2.0 / 3 * n2 + 37.0 / 96 * n3 - 1.0 / 360 * n4 - 81.0 / 512 * n5 + 96199.0 / 604800 * n6,
            1.0 / 48 * n2 + 1.0 / 15 * n3 - 437.0 / 1440 * n4 + 46.0 / 105 * n5 - 1118711.0 / 3870720 * n6,
            17.0 / 480 * n3 - 37.0 / 840 * n4 - 209.0 / 4480 * n5 + 5569.0 / 90720 * n6,
            4397.0 / 161280 * n4 - 11.0 / 504 * n5 - 830251.0 / 7257600 * n6,
            4583.0 / 161280 * n5 - 108847.0 / 3991680 * n6,
            20648693.0 / 638668800 * n6,
        ]
    }

    /// UTM zone `zone` (1–60), southern hemisphere when `south`.
    public static func utm(zone: Int, south: Bool) -> TransverseMercator {
        TransverseMercator(centralMeridian: Double(zone) * 6 - 183, scaleFactor: 0.9996,
                           falseEasting: 500_000, falseNorthing: south ? 10_000_000 : 0)
    }

    public func forward(_ p: GeoPoint) -> PlanarPoint {
        let phi = p.latitude * .pi / 180
        let dLambda = (p.longitude - centralMeridian) * .pi / 180
        let sinPhi = sin(phi)
        let t = sinh(atanh(sinPhi) - e * atanh(e * sinPhi))
        let xiPrime = atan2(t, cos(dLambda))
        let etaPrime = atanh(sin(dLambda) / (1 + t * t).squareRoot())
        var xi = xiPrime, eta = etaPrime
        for j in 0..<6 {
            let k = 2 * Double(j + 1)
            xi += alpha[j] * sin(k * xiPrime) * cosh(k * etaPrime)
            eta += alpha[j] * cos(k * xiPrime) * sinh(k * etaPrime)
        }
        let scale = scaleFactor * rectifyingRadius
        return PlanarPoint(x: falseEasting + scale * eta, y: falseNorthing + scale * xi)
    }

    public func inverse(_ q: PlanarPoint) -> GeoPoint {
        let scale = scaleFactor * rectifyingRadius
        let xi = (q.y - falseNorthing) / scale
        let eta = (q.x - falseEasting) / scale
        var xiPrime = xi, etaPrime = eta
        for j in 0..<6 {
            let k = 2 * Double(j + 1)
            xiPrime -= beta[j] * sin(k * xi) * cosh(k * eta)
            etaPrime -= beta[j] * cos(k * xi) * sinh(k * eta)
        }
        let chi = asin(sin(xiPrime) / cosh(etaPrime))
        // Conformal latitude χ → geodetic latitude φ by fixed-point iteration.
        let target = tan(.pi / 4 + chi / 2)
        var phi = chi
        for _ in 0..<12 {
            let es = e * sin(phi)
            let next = 2 * atan(target * pow((1 + es) / (1 - es), e / 2)) - .pi / 2
            if abs(next - phi) < 1e-14 { phi = next; break }
            phi = next
        }
        let lambda = atan2(sinh(etaPrime), cos(xiPrime))
        return GeoPoint(latitude: phi * 180 / .pi, longitude: centralMeridian + lambda * 180 / .pi)
    }
}
