import Foundation
import VigiaCore

/// One line of a social feed:
/// `{"id":"p1","time":"…","platform":"x","author":"@handle","text":"…","lang":"es","lat":-34.6,"lon":-58.4,"in_reply_to":"…"}`.
public struct PostDecoder {
    /// Longer texts are cut to this many bytes for classification, and say so.
    public static let classificationLimit = 64 * 1024
    /// `in_reply_to` longer than this is refused: it is a headline or a post, not a document.
    public static let contextLimit = 16 * 1024

    public var timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    public func decode(line: some Collection<UInt8>) throws -> Post {
        let f = try JSONFields(line: line)
        let lat = try f.optionalDouble("lat", in: -90...90)
        let lon = try f.optionalDouble("lon", in: -180...180)
        guard (lat == nil) == (lon == nil) else {
            throw FieldError(code: "missing_field", field: lat == nil ? "lat" : "lon", message: "a position needs both lat and lon")
        }
        return Post(id: try f.string("id"), time: try f.time("time", timeZone: timeZone), platform: try f.string("platform"),
                    authorHandle: try f.string("author"), text: try f.string("text"), language: try f.optionalString("lang"),
                    location: lat.map { GeoPoint(latitude: $0, longitude: lon!) }, inReplyTo: try Self.context(f))
    }

    /// The optional `in_reply_to` text: absent, null or blank is no context; anything but text, or over `contextLimit`, is refused.
    static func context(_ f: JSONFields) throws -> String? {
        guard f.has("in_reply_to") else { return nil }
        guard let s = f.object["in_reply_to"] as? String else {
            throw FieldError(code: "wrong_type", field: "in_reply_to", message: "expected text")
        }
        guard s.utf8.count <= contextLimit else {
            throw FieldError(code: "oversize", field: "in_reply_to", message: "\(s.utf8.count) bytes; the limit is \(contextLimit)")
        }
        return s.allSatisfy(\.isWhitespace) ? nil : s
    }
}
