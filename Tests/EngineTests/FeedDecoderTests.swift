import Foundation
import Testing
@testable import Engine
import SampleData
import CameraAlerts
import VigiaCore

@Suite("Feed decoders")
struct FeedDecoderTests {
    let zone = TimeZone(identifier: "America/Argentina/Buenos_Aires")!

    func eventError(_ line: [UInt8]) -> FieldError? {
        do {
            _ = try CameraEventDecoder(timeZone: zone, cameras: ["C1"], embeddingDimension: 4).decode(line: line)
            return nil
        } catch let e as FieldError { return e } catch { return nil }
    }

    func eventError(_ text: String) -> FieldError? { eventError(Array(text.utf8)) }

    @Test("each kind of event decodes")
    func kinds() throws {
        let d = CameraEventDecoder(timeZone: zone, cameras: nil, embeddingDimension: 4)
        let face = EmbeddingCodec.encode([1, 0, 0, 0], precision: .float32)
        let e = try d.decode(line: Array(#"{"type":"face","camera":"C1","time":"2018-11-15T14:00:00-03:00","track":"t1","embedding":"\#(face)","quality":0.8}"#.utf8))
        #expect(e.kind == .faceProbe(Probe(embedding: [1, 0, 0, 0], quality: 0.8)) && e.trackID == "t1")
        let c = try d.decode(line: Array(#"{"type":"crowd","camera":"C1","time":"2018-11-15T14:00","count":12,"extra":"ignored"}"#.utf8))
        #expect(c.kind == .crowd(zone: nil, count: 12) && c.time == Date(timeIntervalSince1970: 1_542_301_200))
    }

    @Test("each bad-input class gets its reason code and field")
    func refusals() {
        let t = #""time":"2018-11-15T14:00:00-03:00""#
        let cases: [(String, String, String?)] = [
            ("{", "bad_json", nil),
            ("[1,2]", "bad_json", nil),
            (#"{"type":"heartbeat","camera":"C9",\#(t)}"#, "unknown_camera", "camera"),
            (#"{"type":"teleport","camera":"C1",\#(t)}"#, "unknown_type", "type"),
            (#"{"type":"heartbeat","camera":"C1","time":"yesterday"}"#, "bad_time", "time"),
            (#"{"type":"heartbeat","camera":"C1","time":"9999-01-01T00:00:00Z"}"#, "impossible_value", "time"),
            (#"{"type":"crowd","camera":"C1",\#(t),"count":-3}"#, "impossible_value", "count"),
            (#"{"type":"crowd","camera":"C1",\#(t),"count":"many"}"#, "wrong_type", "count"),
            (#"{"type":"detection","camera":"C1",\#(t),"label":"person","score":true}"#, "wrong_type", "score"),
            (#"{"type":"detection","camera":"C1",\#(t),"label":"ufo","score":0.5}"#, "impossible_value", "label"),
            (#"{"type":"detection","camera":"C1",\#(t),"label":"person","score":1e999}"#, "bad_json", nil),
            (#"{"type":"face","camera":"C1",\#(t),"embedding":"!!!","quality":0.5}"#, "bad_embedding", "embedding"),
            (#"{"type":"face","camera":"C1",\#(t),"embedding":"AACAPwAAAAA=","quality":0.5}"#, "bad_embedding", "embedding"),
            (#"{"type":"face","camera":"C1",\#(t),"embedding":"AADAfwAAAAAAAAAAAAAAAA==","quality":0.5}"#, "bad_embedding", "embedding"),
            (#"{"camera":"C1",\#(t)}"#, "missing_field", "type"),
        ]
        for (line, code, field) in cases {
            let e = eventError(line)
            #expect(e?.code == code, "\(line) → \(String(describing: e))")
            #expect(e?.field == field, "\(line) → \(String(describing: e))")
        }
        #expect(eventError([0x7B, 0xC3, 0x28, 0x7D])?.code == "bad_utf8")
        #expect(eventError([UInt8](repeating: 0x20, count: JSONFields.maximumLineBytes + 1))?.code == "oversize")
    }

    @Test("embeddings round-trip through float32 and float16 base64")
    func codec() throws {
        let v: [Float] = [0.5, -0.25, 0.125, 1e-3]
        #expect(try EmbeddingCodec.decode(EmbeddingCodec.encode(v, precision: .float32), precision: .float32, dimension: 4) == v)
        let half = try EmbeddingCodec.decode(EmbeddingCodec.encode(v, precision: .float16), precision: .float16, dimension: 4)
        #expect(zip(half, v).allSatisfy { abs($0 - $1) < 1e-3 })
        #expect(throws: EmbeddingCodec.DecodeError.self) { try EmbeddingCodec.decode("AAAA", precision: .float32, dimension: 4) }
    }

    @Test("a watchlist entry without its court order is read but flagged as out of scope")
    func watchlistScope() throws {
        let t = EmbeddingCodec.encode([1, 0], precision: .float32)
        let json = #"{"schema":"vigia.watchlist/1","dimension":2,"precision":"float32","entries":[{"id":"W1","name":"X","status":"active","issued":"2018-01-01","expires":"2019-01-01","court":"J1","templates":["\#(t)"]},{"id":"W2","name":"Y","status":"active","issued":"2018-01-01","expires":"2018-06-01","court":"J1","order_reference":"C 1/2018","templates":["\#(t)"]}]}"#
        let contents = try WatchlistFile.decode(Data(json.utf8), source: "w.json", timeZone: zone)
        #expect(contents.records[0].scopeProblem(at: SampleGenerator.shiftStart)?.contains("no court order reference") == true)
        #expect(contents.records[1].scopeProblem(at: SampleGenerator.shiftStart)?.contains("expired") == true)
        let noTemplates = json.replacingOccurrences(of: #""templates":["\#(t)"]},{"id":"W2""#, with: #""templates":[]},{"id":"W2""#)
        #expect(throws: EngineError.self) { try WatchlistFile.decode(Data(noTemplates.utf8), source: "w.json", timeZone: zone) }
    }
}
