import Hotspots

/// The hotspot models by name, with the settings Vigía ships.
public enum ModelCatalogue {
    /// All models; the first is Vigía's default.
    public static let names = ["recency", "prior", "kde", "prospective"]

    public static func model(named name: String) -> (any HotspotModel)? {
        switch name {
        case "recency": return RecencyWeightedCounts(timeConstantDays: 180)
        case "prior": return PriorPeriodCounts(days: 270)
        case "kde": return RetrospectiveKDE(bandwidth: 250, windowDays: 180)
        case "prospective": return ProspectiveHotspot(bandwidthCells: 3, weeks: 8)
        default: return nil
        }
    }
}
