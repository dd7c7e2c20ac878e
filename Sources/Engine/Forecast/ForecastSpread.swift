import Foundation
import Hotspots
import VigiaCore

extension Engine {
    /// Per larger district (comuna), its share of the forecast's top 5 % of
    /// cells against its share of the incidents the models trained on in the
    /// 365 days before `t` (police-initiated records excluded unless weighted).
    /// `district` names a cell's larger district ("outside" when none holds it).
    func spread(ranked: [Int], input: HotspotInput, at t: Double, factor: Double, district: (Int) -> String) -> [DistrictSpread.Row] {
        let flagged = Array(ranked.prefix(max(1, Coverage.flaggedCount(validCells: ranked.count, percent: 5))))
        let trained = input.history.range(from: t - 365 * HotspotTime.day, to: t).map { Int(input.history.cells[$0]) }
        return DistrictSpread.table(flaggedCells: flagged, incidentCells: trained, factor: factor, district: district)
    }
}

extension Engine {
    /// A district named in the spread table is called out when its share of
    /// the flagged area exceeds this many times its share of reported crime.
    public static let defaultSpreadFactor = DistrictSpread.defaultFactor
}
