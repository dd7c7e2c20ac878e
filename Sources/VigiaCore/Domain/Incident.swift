import Foundation

/// Who brought an incident to police attention. Police-initiated records
/// follow patrols, so forecasts down-weight them (safeguard 8).
public enum ReportSource: String, Hashable, Sendable, Codable, CaseIterable {
    case citizen
    case policeInitiated = "police"
    case unknown
}

/// How precisely an incident's time is known.
public enum TimePrecision: String, Hashable, Sendable, Codable {
    /// Only the date.
    case day
    /// Date and an hour band: between h:00 and h:59.
    case hour
    /// A full timestamp.
    case exact
}

/// A recorded crime or incident at a place. It names no person: forecasts
/// are about places (safeguard 7).
public struct Incident: Hashable, Sendable, Codable {
    public var occurredAt: Date
    public var precision: TimePrecision
    public var location: GeoPoint
    public var type: String
    public var subtype: String?
    public var source: ReportSource
    /// The publisher's record id, when the file has one.
    public var externalID: String?
    /// The small district (barrio) the point falls in, if known.
    public var district: String?
    /// The larger district (comuna).
    public var parentDistrict: String?

    public init(occurredAt: Date, precision: TimePrecision, location: GeoPoint, type: String,
                subtype: String? = nil, source: ReportSource = .unknown, externalID: String? = nil,
                district: String? = nil, parentDistrict: String? = nil) {
        self.occurredAt = occurredAt
        self.precision = precision
        self.location = location
        self.type = type
        self.subtype = subtype
        self.source = source
        self.externalID = externalID
        self.district = district
        self.parentDistrict = parentDistrict
    }
}
