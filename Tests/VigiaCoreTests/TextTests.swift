import Crypto
import Foundation
import Testing
@_spi(SignIn) @testable import VigiaCore

@Suite("CSV reader")
struct CSVReaderTests {
    func records(_ text: String) -> [[String]] {
        var out: [[String]] = []
        CSVReader(bytes: Array(text.utf8)).forEachRecord { r in
            out.append((0..<r.count).map { r.string($0) ?? "<bad>" })
            return true
        }
        return out
    }

    @Test("quotes, doubled quotes, commas and newlines inside quotes")
    func quoting() {
        #expect(records("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n") ==
                [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"]])
    }

    @Test("CR LF, a byte-order mark, blank lines and a missing final newline")
    func lineEnds() {
        #expect(records("\u{FEFF}a,b\r\n1,2\r\n\r\n3,\n4,5") == [["a", "b"], ["1", "2"], ["3", ""], ["4", "5"]])
    }

    @Test("line numbers count physical lines")
    func lineNumbers() {
        var lines: [Int] = []
        CSVReader(bytes: Array("h\n\"a\nb\"\nc\n".utf8)).forEachRecord { r in lines.append(r.line); return true }
        #expect(lines == [1, 2, 4])
    }

    @Test("malformed quotes and bad UTF-8 are reported, not guessed")
    func malformed() {
        var flags: [(Bool, Bool)] = []
        let bytes: [UInt8] = Array("a\n\"open\n".utf8) + [0xC3, 0x28, 0x0A] + Array("\"x\"y\n".utf8)
        CSVReader(bytes: bytes).forEachRecord { r in flags.append((r.malformed, r.isValidUTF8)); return true }
        #expect(flags.map(\.0) == [false, true])
        #expect(CSVReader(bytes: [0xFF, 0xFE, 0x61, 0x00]).encodingProblem != nil)
    }
}

@Suite("Numbers and names")
struct NumberTests {
    func parse(_ s: String) -> Double? {
        Array(s.utf8).withUnsafeBufferPointer { DecimalParser.double($0) }
    }

    @Test("decimals parse exactly like the standard library")
    func decimals() {
        for s in ["-34.603722", "-58.381592", "0", "12", "+1.5", "1e3", "-2.5E-2", "123456789.123456789"] {
            #expect(parse(s) == Double(s.replacingOccurrences(of: "+", with: "")), "\(s)")
        }
    }

    @Test("not numbers: NaN, infinity, blanks, junk")
    func refused() {
        for s in ["nan", "NaN", "inf", "-inf", "1e999", "", "-", ".", "1.2.3", "12a", "0x10", " 1"] {
            #expect(parse(s) == nil, "\(s)")
        }
    }

    @Test("names fold case, accents and spaces")
    func folding() {
        #expect(NameFolding.fold("Vélez  Sársfield") == NameFolding.fold("VELEZ SARSFIELD"))
        #expect(NameFolding.tokens("Dirección_Víctima") == ["direccion", "victima"])
    }

    @Test("FNV-1a matches its published test vector")
    func fnv() {
        var h = FNV1a64()
        Array("foobar".utf8).withUnsafeBufferPointer { h.add($0) }
        #expect(h.value == 0x85944171f73967e8)
    }
}

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    @Test("keys sorted, no spaces, minimal escapes, integers without fractions")
    func canonical() {
        let value: CanonicalJSON = ["b": 1, "a": ["x": "q\"\\\n\u{01}é", "n": nil], "c": [true, 2.5, 3.0]]
        #expect(value.text == #"{"a":{"n":null,"x":"q\"\\\n\u0001é"},"b":1,"c":[true,2.5,3]}"#)
    }
}

@Suite("Roles")
struct RoleTests {
    @Test("the auditor reads and verifies, and changes nothing")
    func auditor() {
        let allowed = Permission.allCases.filter { Role.auditor.allows($0) }
        #expect(Set(allowed) == [.readAll, .verifyAudit, .exportReports])
    }

    @Test("a dispatcher handles the queues but cannot touch the watchlist, rules or operators")
    func dispatcher() {
        #expect(Role.dispatcher.allows(.handleAlerts) && Role.dispatcher.allows(.decideHits))
        for p in [Permission.manageWatchlist, .authoriseSearch, .manageRules, .manageOperators, .applyRetention] {
            #expect(!Role.dispatcher.allows(p), "\(p)")
        }
    }

    @Test("the feed actor only ingests and reads; no person can hold it")
    func system() {
        #expect(Set(Permission.allCases.filter { Role.system.allows($0) }) == [.ingestFeeds, .readAll])
        #expect(!Role.assignable.contains(.system))
    }
}

@Suite("Audit records")
struct AuditRecordTests {
    @Test("the hash covers every field and links to the previous record")
    func hashing() {
        let entry = AuditEntry(principal: Principal(name: "ana", role: .supervisor), action: .watchlistAdd, subject: "W1",
                               details: ["court": "Juzgado 3"])
        let a = AuditRecord.sealing(entry, sequence: 1, time: Date(timeIntervalSince1970: 1), previousHash: AuditRecord.genesisHash)
        #expect(a.hash == a.computedHash && a.hash.count == 64)
        var edited = a
        edited.subject = "W2"
        #expect(edited.computedHash != a.hash)
        let b = AuditRecord.sealing(entry, sequence: 2, time: Date(timeIntervalSince1970: 1), previousHash: a.hash)
        #expect(b.previousHash == a.hash && b.hash != a.hash)
    }
}

@Suite("Signed audit checkpoints")
struct AuditCheckpointTests {
    let key = Curve25519.Signing.PrivateKey()

    func checkpoint(_ seq: Int64, _ hash: String) throws -> AuditCheckpoint {
        try AuditCheckpoint.signing(sequence: seq, hash: hash, recordTimeMicros: 1, writtenAt: Date(timeIntervalSince1970: 2), key: key)
    }

    @Test("a checkpoint verifies with its key; an edited one, or another key, does not")
    func signature() throws {
        let c = try checkpoint(5, "ab")
        #expect(c.isValid(for: key.publicKey) && c.isValid())
        #expect(AuditCheckpoint.parse(line: Substring(c.line)) == c)
        var edited = c
        edited.sequence = 4
        #expect(!edited.isValid(for: key.publicKey))
        #expect(!c.isValid(for: Curve25519.Signing.PrivateKey().publicKey))
    }

    @Test("each checkpoint must name a record the chain has, with its hash; the first that does not is named")
    func prefix() throws {
        let lines = [try checkpoint(2, "h2").line, try checkpoint(4, "h4").line, try checkpoint(6, "h6").line].map { Substring($0) }
        let trusted = key.publicKey.rawRepresentation.base64EncodedString()
        let chain: [Int64: String] = [1: "h1", 2: "h2", 3: "h3", 4: "h4", 5: "h5", 6: "h6"]
        #expect(CheckpointCheck.check(lines: lines, chainHashes: chain, repairs: [], trustedKey: trusted).holds)
        var cut = chain
        cut[6] = nil
        #expect(CheckpointCheck.check(lines: lines, chainHashes: cut, repairs: [], trustedKey: trusted).firstFailure?.problem == .missing)
        var rewritten = chain
        rewritten[4] = "other"
        let f = CheckpointCheck.check(lines: lines, chainHashes: rewritten, repairs: [], trustedKey: trusted).firstFailure
        #expect(f?.line == 2 && f?.problem == .rewritten && f?.sequence == 4)
        // A forged line signed by another key fails on a trusted key.
        let forged = try AuditCheckpoint.signing(sequence: 6, hash: "h6", recordTimeMicros: 1, writtenAt: Date(), key: Curve25519.Signing.PrivateKey())
        #expect(CheckpointCheck.check(lines: [Substring(forged.line)], chainHashes: chain, repairs: [], trustedKey: trusted).firstFailure?.problem == .badSignature)
        // A cut repaired by an admin (record 5, head was 6) explains the checkpoint at 6.
        let repair = AuditRepair(record: 5, by: "root", reason: "r", breaks: [AuditBreak(sequence: 5, problem: .removed)], headBefore: "6:h6")
        var repaired = cut
        repaired[5] = "repair"
        let r = CheckpointCheck.check(lines: lines, chainHashes: repaired, repairs: [repair], trustedKey: trusted)
        #expect(r.holds && r.acknowledged == 1)
    }
}

@Suite("Operator names")
struct OperatorNameTests {
    @Test("look-alikes of reserved names and other alphabets are refused", arguments: ["FEED", "f.eed", "fe-ed", "f\u{0435}ed", "sy5tem", "v1gia", "a", "9lives", "ana maría"])
    func refused(name: String) {
        #expect(OperatorName.problem(name) != nil, "\(name)")
    }

    @Test("ordinary names pass", arguments: ["ana", "dina", "sergio.p", "root", "Ana_2"])
    func allowed(name: String) {
        #expect(OperatorName.problem(name) == nil, "\(name)")
    }

    @Test("skeletons meet where names look alike")
    func skeleton() {
        #expect(OperatorName.skeleton("r00t") == OperatorName.skeleton("root"))
        #expect(OperatorName.skeleton("rnaria") == OperatorName.skeleton("maria"))
        #expect(OperatorName.skeleton("Dina") == OperatorName.skeleton("dina"))
        #expect(OperatorName.skeleton("dina") != OperatorName.skeleton("dino"))
    }
}
