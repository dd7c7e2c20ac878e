import Testing
@testable import SocialFlags

@Suite("Text normalisation")
struct TextNormalizerTests {
    @Test("case, accents, elongations, leetspeak, URLs and handles")
    func cases() {
        #expect(TextNormalizer.normalise("Te voy a MATARLOOOO") == "te voy a matarlo")
        #expect(TextNormalizer.normalise("Está  bien @juan https://t.co/x") == "esta bien <user> <url>")
        #expect(TextNormalizer.normalise("m4t4r") == "matar")
        #expect(TextNormalizer.normalise("calle 1500") == "calle 1500")
    }

    @Test("Spanish double letters survive")
    func doubles() {
        #expect(TextNormalizer.normalise("llamá al carro") == "llama al carro")
        #expect(TextNormalizer.normalise("acción") == "accion")
    }
}
