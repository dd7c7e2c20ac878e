import CNCurses
import Foundation

/// ASCII or Unicode drawing characters, chosen from the locale's codeset.
public enum GlyphSet: String, Sendable {
    case ascii, unicode

    /// Unicode when the C locale (after `setlocale(LC_ALL, "")`) is UTF-8 and
    /// `--ascii` was not given.
    public static func detect(forceASCII: Bool) -> GlyphSet {
        if forceASCII { return .ascii }
        setlocale(LC_ALL, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return .ascii }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8" ? .unicode : .ascii
    }

    /// The risk ramp from low to high.
    public var riskRamp: [String] {
        switch self {
        case .ascii: return [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
        case .unicode: return [" ", "·", "░", "░", "▒", "▒", "▓", "▓", "█", "█"]
        }
    }
}
