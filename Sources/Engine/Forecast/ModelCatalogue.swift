import Foundation
import Hotspots

/// The hotspot models by name, with the settings Vigía ships.
public enum ModelCatalogue {
    /// All models; the first is Vigía's default.
    public static let names = ["recency", "prior", "kde", "prospective", "etas"]

    /// A model by name; `NAME+when` weights it by the hour-of-week profile.
    public static func model(named name: String, timeZone: TimeZone) -> (any HotspotModel)? {
        if name.hasSuffix("+when") {
            return model(named: String(name.dropLast(5)), timeZone: timeZone).map { ShiftAware($0, timeZone: timeZone) }
        }
        switch name {
        case "recency": return RecencyWeightedCounts(timeConstantDays: 180)
        case "prior": return PriorPeriodCounts(days: 270)
        case "kde": return RetrospectiveKDE(bandwidth: 250, windowDays: 180)
        case "prospective": return ProspectiveHotspot(bandwidthCells: 3, weeks: 8)
        case "etas": return GridSEPP()
        default: return nil
        }
    }
}
