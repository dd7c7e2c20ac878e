/// Folds a post's text into the form the classifier's lexicon is written in:
/// the tokenizer's words joined by single spaces (see `Tokenizer`).
public enum TextNormalizer {
    public static func normalise(_ text: String) -> String {
        Tokenizer.tokenize(text).tokens.map(\.text).joined(separator: " ")
    }
}
