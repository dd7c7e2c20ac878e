import Foundation

/// Safeguard 1 for rejected input: a line that is, or might be, a face probe
/// is quarantined with its line number and reason only, never an excerpt.
/// Judged on the decoded content (a key written `"\u0065mbedding"` is the
/// key `embedding`), and, when the line is not JSON at all, on what it holds.
public enum BiometricGuard {
    /// Keys (decoded, lower case) that carry biometric data or its context.
    static let keyWords = ["embed", "vector", "template", "face", "probe", "biometric"]
    static let types: Set<String> = ["face", "face_probe", "probe", "embedding", "face_embedding"]

    public static func mightBeFaceProbe(_ line: some Collection<UInt8>) -> Bool {
        let data = Data(line)
        if let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            return holdsProbe(object)
        }
        // Not JSON: judge the bytes. Any escape could spell a key; any of the words, a long base64 run or many numbers might be a vector.
        let text = String(decoding: data, as: UTF8.self).lowercased()
        if text.contains("\\u") || keyWords.contains(where: text.contains) { return true }
        return longBase64Run(text) || numberCount(text) >= 16
    }

    static func holdsProbe(_ value: Any) -> Bool {
        switch value {
        case let object as [String: Any]:
            if let type = object.first(where: { $0.key.lowercased() == "type" })?.value as? String, types.contains(type.lowercased()) { return true }
            for (key, inner) in object {
                if keyWords.contains(where: key.lowercased().contains) { return true }
                if holdsProbe(inner) { return true }
            }
            return false
        case let array as [Any]:
            if array.filter({ $0 is NSNumber }).count >= 16 { return true }
            return array.contains(where: holdsProbe)
        case let string as String:
            return string.count >= 64 && longBase64Run(string)
        default:
            return false
        }
    }

    static func longBase64Run(_ text: String) -> Bool {
        var run = 0
        for s in text.unicodeScalars {
            let c = s.value
            let base64 = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2B || c == 0x2F || c == 0x3D
            run = base64 ? run + 1 : 0
            if run >= 64 { return true }
        }
        return false
    }

    static func numberCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == "," || $0 == "[" || $0 == "]" || $0 == " " }).filter { Double($0) != nil }.count
    }
}
