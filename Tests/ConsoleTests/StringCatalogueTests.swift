import Foundation
import Testing
@testable import Console

/// One string catalogue (issue 19): every text the console shows comes from
/// `Strings`, in both languages, the key registry's descriptions included.
@Suite("String catalogue")
struct StringCatalogueTests {
    @Test("every entry has Spanish and English; the key registry's part and the rest share no key")
    func everyEntryHasBothLanguages() {
        #expect(Set(Strings.table.keys).isDisjoint(with: Strings.keys.keys))
        for key in Strings.allKeys {
            #expect(!Strings.text(key, .spanish).isEmpty && !Strings.text(key, .english).isEmpty, "\(key)")
            #expect(Strings.text(key, .spanish) != key, "\(key) missing")
        }
    }

    @Test("each key binding's description is a catalogue entry, and no two bindings share one")
    func bindingsUseTheCatalogue() {
        for b in KeyRegistry.bindings {
            #expect(Strings.keys[b.text] != nil, "\(b.keyLabel): \(b.text) is not in the catalogue")
        }
        #expect(Set(KeyRegistry.bindings.map(\.text)).count == KeyRegistry.bindings.count)
        #expect(Set(Strings.keys.keys) == Set(KeyRegistry.bindings.map(\.text)), "catalogue entries no binding uses")
    }

    @Test("no console source picks a text by language itself: `language == .spanish ? \"…\"` is only in the catalogue")
    func noInlineTranslations() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Console")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && $0.lastPathComponent != "Strings.swift" })
        #expect(files.count > 15)
        let inline = try Regex(#"\.spanish\s*\?\s*""#)
        for file in files {
            for (i, line) in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                #expect(line.firstMatch(of: inline) == nil, "\(file.lastPathComponent):\(i + 1): \(line)")
            }
        }
    }
}
