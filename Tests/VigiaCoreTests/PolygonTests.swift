import Foundation
import Testing
@testable import VigiaCore

@Suite("Polygons and GeoJSON")
struct PolygonTests {
    let square = Polygon(outer: [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 10, y: 0), PlanarPoint(x: 10, y: 10), PlanarPoint(x: 0, y: 10)],
                         holes: [[PlanarPoint(x: 4, y: 4), PlanarPoint(x: 6, y: 4), PlanarPoint(x: 6, y: 6), PlanarPoint(x: 4, y: 6)]])

    @Test("inside, in the hole, outside")
    func containment() {
        #expect(square.contains(PlanarPoint(x: 1, y: 1)))
        #expect(!square.contains(PlanarPoint(x: 5, y: 5)))
        #expect(!square.contains(PlanarPoint(x: 11, y: 5)))
        #expect(!square.contains(PlanarPoint(x: -0.1, y: 5)))
    }

    @Test("area subtracts holes; distance is to the nearest edge")
    func areaAndDistance() {
        #expect(square.area == 96)
        #expect(square.distance(to: PlanarPoint(x: 13, y: 14)) == 5)
        #expect(square.distance(to: PlanarPoint(x: 1, y: 1)) == 0)
    }

    @Test("GeoJSON polygons and multipolygons are read, closing points dropped")
    func readsGeoJSON() throws {
        let json = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"A","n":3},"geometry":{"type":"Polygon","coordinates":[[[-58.5,-34.6],[-58.4,-34.6],[-58.4,-34.5],[-58.5,-34.6]]]}},
          {"type":"Feature","properties":{"name":"B"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[2,2],[3,2],[3,3],[2,2]]]]}}
        ]}
        """
        let features = try GeoJSONReader.read(Data(json.utf8), source: "t.geojson")
        #expect(features.count == 2)
        #expect(features[0].properties == ["name": "A", "n": "3"])
        #expect(features[0].polygons[0].outer.count == 3)
        #expect(features[1].polygons.count == 2)
    }

    @Test("bad GeoJSON names the file and the place")
    func badGeoJSON() {
        let cases: [(String, String)] = [
            ("{", "file"),
            (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{}}]}"#, "features[0].geometry"),
            (#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]}}]}"#, "features[0].geometry.type"),
            (#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}}"#, "feature.geometry.coordinates[0]"),
            (#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,99],[0,0]]]}}"#, "feature.geometry.coordinates[0][2]"),
        ]
        for (json, location) in cases {
            #expect(throws: GeoJSONError.self) { try GeoJSONReader.read(Data(json.utf8), source: "bad.geojson") }
            do {
                _ = try GeoJSONReader.read(Data(json.utf8), source: "bad.geojson")
            } catch let error as GeoJSONError {
                #expect(error.source == "bad.geojson")
                #expect(error.location == location, "\(error)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }
}

@Suite("Districts of Buenos Aires")
struct DistrictIndexTests {
    static func barrios() throws -> DistrictIndex {
        let features = try GeoJSONReader.read(contentsOf: SampleDataLocation.folder.appendingPathComponent("ba-barrios.geojson"))
        return DistrictIndex(features: features, nameKey: "barrio", parentKey: "comuna",
                             projection: LocalProjection(reference: GeoPoint(latitude: -34.6158, longitude: -58.4333)))
    }

    @Test("48 barrios cover the city's 204 km²")
    func coverage() throws {
        let index = try Self.barrios()
        #expect(index.districts.count == 48)
        let area = index.districts.reduce(0) { $0 + $1.shape.area } / 1e6
        #expect(abs(area - 204.17) < 2, "area \(area) km²")
    }

    @Test("well-known places fall in their barrio")
    func landmarks() throws {
        let index = try Self.barrios()
        let places: [(Double, Double, String, String)] = [
            (-34.60373, -58.38157, "SAN NICOLAS", "1"),   // Obelisco
            (-34.60837, -58.37060, "MONSERRAT", "1"),     // Casa Rosada
            (-34.63540, -58.36470, "BOCA", "4"),          // La Bombonera
            (-34.60650, -58.43570, "CABALLITO", "6"),     // Parque Centenario
            (-34.58756, -58.39305, "RECOLETA", "2"),      // Cementerio de la Recoleta
        ]
        for (lat, lon, barrio, comuna) in places {
            let d = index.district(containing: GeoPoint(latitude: lat, longitude: lon))
            #expect(NameFolding.fold(d?.name ?? "-") == NameFolding.fold(barrio), "\(lat),\(lon) → \(d?.name ?? "none")")
            #expect(d?.parent == comuna)
        }
        #expect(index.district(containing: GeoPoint(latitude: -34.45, longitude: -58.38)) == nil) // Río de la Plata
    }

    @Test("the spatial join agrees with the publisher's barrio on ≥ 98 % of real incidents")
    func agreesWithPublisher() throws {
        let index = try Self.barrios()
        let bytes = Array(try Data(contentsOf: SampleDataLocation.folder.appendingPathComponent("ba-robos-2017-2018.csv")))
        var agree = 0, total = 0
        CSVReader(bytes: bytes).forEachRecord { r in
            guard r.line > 1, r.line % 7 == 0 else { return true } // every 7th row: ~19,000 incidents
            guard let lat = r.string(7).flatMap(Double.init), let lon = r.string(8).flatMap(Double.init) else { return true }
            total += 1
            if let d = index.district(containing: GeoPoint(latitude: lat, longitude: lon)),
               NameFolding.fold(d.name) == NameFolding.fold(r.string(6) ?? "") { agree += 1 }
            return true
        }
        #expect(total > 19_000)
        #expect(Double(agree) / Double(total) >= 0.98, "\(agree) of \(total)")
    }
}
