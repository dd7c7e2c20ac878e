import Foundation

/// Folds names for comparison: lower case, no accents, single spaces, so
/// `Vélez Sársfield` and `VELEZ SARSFIELD` meet.
public enum NameFolding {
    public static func fold(_ s: String) -> String {
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Folded words of a column header: `Dirección_Víctima` → ["direccion", "victima"].
    public static func tokens(_ s: String) -> [String] {
        fold(s).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }
}
