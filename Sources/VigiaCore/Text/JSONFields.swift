import Foundation

/// A problem with one field of one input record: what and where.
public struct FieldError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A short reason code for counters, e.g. `bad_json`, `missing_field`.
    public var code: String
    public var field: String?
    public var message: String

    public init(code: String, field: String?, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String { field.map { "\($0): \(message)" } ?? message }
}

/// Typed access to a decoded JSON object, with errors that name the field.
public struct JSONFields {
    public static let maximumLineBytes = 1 << 20

    public let object: [String: Any]
    /// Prefix for field names in errors, e.g. `cameras[3].`.
    public let path: String

    public init(object: [String: Any], path: String = "") {
        self.object = object
        self.path = path
    }

    /// Decodes one JSON-lines record, refusing oversize lines and bad UTF-8.
    public init(line: some Collection<UInt8>) throws {
        guard line.count <= Self.maximumLineBytes else {
            throw FieldError(code: "oversize", field: nil, message: "line is \(line.count) bytes; the limit is 1 MiB")
        }
        let data = Data(line)
        guard String(data: data, encoding: .utf8) != nil else {
            throw FieldError(code: "bad_utf8", field: nil, message: "not valid UTF-8")
        }
        let value: Any
        do { value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            throw FieldError(code: "bad_json", field: nil, message: "not valid JSON")
        }
        guard let object = value as? [String: Any] else {
            throw FieldError(code: "bad_json", field: nil, message: "expected a JSON object")
        }
        self.init(object: object)
    }

    func name(_ key: String) -> String { path + key }

    /// JSONSerialization boxes true/false as NSNumber; on Linux `is Bool`
    /// also holds for 0 and 1, so look at the boxed type instead.
    static func isBoolean(_ v: Any) -> Bool {
        guard let n = v as? NSNumber else { return false }
        return String(cString: n.objCType) == "c"
    }

    public func has(_ key: String) -> Bool {
        if let v = object[key], !(v is NSNull) { return true }
        return false
    }

    public func string(_ key: String) throws -> String {
        guard let v = object[key], !(v is NSNull) else {
            throw FieldError(code: "missing_field", field: name(key), message: "missing")
        }
        guard let s = v as? String else { throw FieldError(code: "wrong_type", field: name(key), message: "expected text") }
        guard !s.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw FieldError(code: "missing_field", field: name(key), message: "empty")
        }
        return s
    }

    public func optionalString(_ key: String) throws -> String? {
        has(key) ? try string(key) : nil
    }

    public func double(_ key: String, in range: ClosedRange<Double>? = nil) throws -> Double {
        guard let v = object[key], !(v is NSNull) else {
            throw FieldError(code: "missing_field", field: name(key), message: "missing")
        }
        guard let n = v as? NSNumber, !Self.isBoolean(v) else {
            throw FieldError(code: "wrong_type", field: name(key), message: "expected a number")
        }
        let d = n.doubleValue
        guard d.isFinite else { throw FieldError(code: "impossible_value", field: name(key), message: "not a finite number") }
        if let range, !range.contains(d) {
            throw FieldError(code: "impossible_value", field: name(key), message: "\(d) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return d
    }

    public func optionalDouble(_ key: String, in range: ClosedRange<Double>? = nil) throws -> Double? {
        has(key) ? try double(key, in: range) : nil
    }

    public func int(_ key: String, in range: ClosedRange<Int>) throws -> Int {
        let d = try double(key, in: Double(range.lowerBound)...Double(range.upperBound))
        guard d == d.rounded() else { throw FieldError(code: "wrong_type", field: name(key), message: "expected a whole number") }
        return Int(d)
    }

    public func bool(_ key: String, default value: Bool) throws -> Bool {
        guard has(key) else { return value }
        guard let v = object[key], Self.isBoolean(v), let n = v as? NSNumber else {
            throw FieldError(code: "wrong_type", field: name(key), message: "expected true or false")
        }
        return n.boolValue
    }

    public func strings(_ key: String) throws -> [String] {
        guard has(key) else { return [] }
        guard let list = object[key] as? [Any], let strings = list as? [String] else {
            throw FieldError(code: "wrong_type", field: name(key), message: "expected a list of text")
        }
        return strings
    }

    public func objects(_ key: String) throws -> [JSONFields] {
        guard let list = object[key] as? [Any] else {
            throw FieldError(code: has(key) ? "wrong_type" : "missing_field", field: name(key), message: "expected a list of objects")
        }
        return try list.enumerated().map { i, v in
            guard let o = v as? [String: Any] else {
                throw FieldError(code: "wrong_type", field: "\(name(key))[\(i)]", message: "expected an object")
            }
            return JSONFields(object: o, path: "\(name(key))[\(i)].")
        }
    }

    /// An ISO 8601 time; zone-less times are read in `timeZone`.
    public func time(_ key: String, timeZone: TimeZone) throws -> Date {
        let text = try string(key)
        do {
            let instant = try TimeParser.instant(text, in: timeZone)
            // 1970-01-01 to 2200-12-31, compared as instants (no calendar per event).
            guard (0..<7_289_654_400).contains(instant.timeIntervalSince1970) else {
                throw FieldError(code: "impossible_value", field: name(key), message: "\(text) is outside 1970–2200")
            }
            return instant
        } catch let error as TimeParseError {
            throw FieldError(code: "bad_time", field: name(key), message: error.description)
        }
    }

    /// A calendar date `YYYY-MM-DD` as the instant of its local midnight.
    public func date(_ key: String, timeZone: TimeZone) throws -> Date {
        let text = try string(key)
        do {
            var converter = CivilTimeConverter(timeZone: timeZone)
            return converter.date(try TimeParser.parseDate(text))
        } catch let error as TimeParseError {
            throw FieldError(code: "bad_time", field: name(key), message: error.description)
        }
    }

    public func embedding(_ key: String, precision: EmbeddingCodec.Precision, dimension: Int?) throws -> [Float] {
        let text = try string(key)
        do { return try EmbeddingCodec.decode(text, precision: precision, dimension: dimension) } catch let error as EmbeddingCodec.DecodeError {
            throw FieldError(code: "bad_embedding", field: name(key), message: error.description)
        }
    }
}
