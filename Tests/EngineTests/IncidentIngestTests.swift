import Foundation
import Testing
@testable import Engine
import VigiaCore

@Suite("Incident ingest")
struct IncidentIngestTests {
    @Test("Buenos Aires date + hour band becomes the hour's start in local time")
    func hourBand() throws {
        let f = try EngineFixture()
        let csv = try f.file("a.csv", "id,fecha,franja_horaria,tipo,subtipo,comuna,barrio,latitud,longitud\n1,2018-11-15,14,Robo (con violencia),,1,San Nicolas,-34.6037,-58.3816\n")
        let report = try f.engine.ingestIncidents(at: csv, options: f.options)
        #expect(report.inserted == 1 && report.rejected == 0)
        let i = try #require(try f.engine.incidents.incidents(from: nil, to: nil).first)
        #expect(i.occurredAt == Date(timeIntervalSince1970: 1_542_301_200))
        #expect(i.precision == .hour && i.externalID == "1" && i.subtype == nil && i.source == .unknown)
    }

    @Test("every bad-row class is quarantined with its line and reason; good rows load")
    func badRows() throws {
        let f = try EngineFixture()
        try f.loadSquareDistrict()
        var bytes = Data("""
        fecha,franja_horaria,tipo,latitud,longitud
        2018-11-15,14,Robo,-34.6037,-58.3816
        2018-11-15,14,Robo,-34.6037
        2018-02-30,14,Robo,-34.6037,-58.3816
        ,14,Robo,-34.6037,-58.3816
        2018-11-15,25,Robo,-34.6037,-58.3816
        2018-11-15,14,Robo,,-58.3816
        2018-11-15,14,Robo,abc,-58.3816
        2018-11-15,14,Robo,-95,-58.3816
        2018-11-15,14,Robo,-34.9000,-58.9000
        2018-11-15,14,,-34.6037,-58.3816
        2018-11-15,14,Robo,nan,-58.3816
        2018-11-15,14,"Robo"x,-34.6037,-58.3816
        2018-11-15,,Hurto,-34.6037,-58.3816

        """.utf8)
        bytes.append(contentsOf: Array("2018-11-15,14,Rob".utf8) + [0xC3, 0x28] + Array(",-34.6037,-58.3816\n".utf8))
        let report = try f.engine.ingestIncidents(at: try f.file("bad.csv", bytes), options: f.options)
        #expect(report.rows == 14)
        #expect(report.inserted == 2)
        #expect(report.withoutHour == 1)
        #expect(report.rejectedByReason == [
            "column_count": 1, "bad_time": 1, "missing_time": 1, "bad_hour": 1, "missing_coordinates": 1,
            "bad_coordinates": 2, "coordinates_out_of_range": 1, "outside_boundary": 1, "missing_type": 1,
            "malformed": 1, "bad_utf8": 1,
        ])
        let items = try f.engine.quarantine.quarantined(feed: "incidents", limit: 100)
        #expect(items.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15])
        #expect(items.allSatisfy { $0.source == "bad.csv" })
        #expect(items.first { $0.line == 10 }?.reason.contains("outside every district") == true)
        #expect(items.first { $0.line == 6 }?.field == "franja_horaria")
    }

    @Test("ingesting the same file twice adds nothing; identical rows in one file both count")
    func idempotent() throws {
        let f = try EngineFixture()
        let csv = try f.file("dup.csv", "fecha,franja_horaria,tipo,latitud,longitud\n2018-11-15,14,Robo,-34.6,-58.38\n2018-11-15,14,Robo,-34.6,-58.38\n")
        #expect(try f.engine.ingestIncidents(at: csv, options: f.options).inserted == 2)
        let again = try f.engine.ingestIncidents(at: csv, options: f.options)
        #expect(again.inserted == 0 && again.duplicates == 2)
        #expect(try f.engine.incidents.summary().total == 2)
        // The same rows plus one more: only the new one lands.
        let longer = try f.file("longer.csv", "fecha,franja_horaria,tipo,latitud,longitud\n2018-11-15,14,Robo,-34.6,-58.38\n2018-11-15,14,Robo,-34.6,-58.38\n2018-11-15,15,Robo,-34.6,-58.38\n")
        #expect(try f.engine.ingestIncidents(at: longer, options: f.options).inserted == 1)
    }

    @Test("columns about people are refused before anything is stored (safeguard 7)")
    func personalColumns() throws {
        let f = try EngineFixture()
        for header in ["fecha,tipo,latitud,longitud,nombre_victima", "fecha,tipo,latitud,longitud,DNI",
                       "fecha,tipo,latitud,longitud,Teléfono", "fecha,tipo,latitud,longitud,sospechoso",
                       "fecha,tipo,latitud,longitud,domicilio"] {
            let csv = try f.file("p.csv", header + "\n2018-11-15,Robo,-34.6,-58.38,x\n")
            #expect(throws: EngineError.self, "\(header)") { try f.engine.ingestIncidents(at: csv, options: f.options) }
            do { _ = try f.engine.ingestIncidents(at: csv, options: f.options) } catch let e as EngineError {
                #expect(e.description.contains("safeguard 7"))
            }
        }
        #expect(try f.engine.incidents.summary().total == 0)
        // Place names are fine.
        let ok = try f.file("ok.csv", "fecha,tipo,latitud,longitud,nombre_barrio\n2018-11-15,Robo,-34.6,-58.38,Centro\n")
        #expect(try f.engine.ingestIncidents(at: ok, options: f.options).inserted == 1)
    }

    @Test("timestamps, a named column mapping and who reported it")
    func mappingAndSource() throws {
        let f = try EngineFixture()
        let csv = try f.file("city.csv", """
        when,what,y,x,origin
        2018-11-15T17:00:00Z,Burglary,40.71,-74.00,911 call
        2018-11-15T12:00:00-05:00,Burglary,40.71,-74.00,police initiated
        2018-11-15 14:00,Burglary,40.71,-74.00,walk-in

        """)
        var options = f.options
        options.mapping = try ColumnMapping(parsing: "time=when,type=what,lat=y,lon=x,source=origin")
        options.sourceValues = try SourceValues(parsing: "citizen=911 call|walk-in,police=police initiated")
        #expect(try f.engine.ingestIncidents(at: csv, options: options).inserted == 3)
        let stored = try f.engine.incidents.incidents(from: nil, to: nil)
        #expect(stored.map(\.source) == [.citizen, .policeInitiated, .citizen])
        #expect(Set(stored.map(\.occurredAt)) == [Date(timeIntervalSince1970: 1_542_301_200)])
    }

    @Test("a missing column, a duplicate column, an empty file and UTF-16 are clear errors")
    func fileErrors() throws {
        let f = try EngineFixture()
        let cases: [(String, Data, String)] = [
            ("nolat.csv", Data("fecha,tipo,longitud\n".utf8), "no column for lat"),
            ("dupe.csv", Data("fecha,tipo,latitud,latitud,longitud\n".utf8), "appears twice"),
            ("empty.csv", Data(), "empty"),
            ("utf16.csv", Data([0xFF, 0xFE, 0x66, 0x00]), "UTF-16"),
        ]
        for (name, data, message) in cases {
            do {
                _ = try f.engine.ingestIncidents(at: try f.file(name, data), options: f.options)
                Issue.record("\(name) was accepted")
            } catch let error as EngineError {
                #expect(error.description.contains(name) && error.description.contains(message), "\(error)")
            }
        }
        #expect(throws: EngineError.self) { try ColumnMapping(parsing: "when=fecha") }
    }

    @Test("all 135,880 real robberies load, each placed in a barrio; a second run adds none")
    func realData() throws {
        let f = try EngineFixture()
        _ = try f.engine.ingestBoundaries(at: EngineFixture.sampleData.appendingPathComponent("ba-barrios.geojson"),
                                          layer: "barrios", nameKey: "barrio", parentKey: "comuna")
        let file = EngineFixture.sampleData.appendingPathComponent("ba-robos-2017-2018.csv")
        let first = try f.engine.ingestIncidents(at: file, options: f.options)
        #expect(first.rows == 135_880 && first.inserted == 135_880 && first.rejected == 0)
        let summary = try f.engine.incidents.summary()
        #expect(summary.byParentDistrict["?"] == nil)
        #expect(summary.byParentDistrict.count == 15)
        #expect(try f.engine.ingestIncidents(at: file, options: f.options).inserted == 0)
        #expect(try f.engine.incidents.summary().total == 135_880)
    }
}
