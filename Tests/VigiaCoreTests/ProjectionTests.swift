import Foundation
import Testing
@testable import VigiaCore

@Suite("Projection")
struct ProjectionTests {
    // UTM zone 21S coordinates from PROJ (pyproj 3.x, EPSG:4326 → EPSG:32721).
    static let utmReference: [(lon: Double, lat: Double, e: Double, n: Double)] = [
        (-58.3816, -34.6037, 373317.5023, 6170036.1713),
        (-58.5315, -34.7053, 359742.9706, 6158569.8347),
        (-58.3352, -34.5265, 377459.1072, 6178654.8779),
        (-58.45, -34.62, 367071.2514, 6168140.4356),
    ]

    @Test("transverse Mercator matches PROJ's UTM 21S to a millimetre")
    func utmMatchesProj() {
        let utm = TransverseMercator.utm(zone: 21, south: true)
        for r in Self.utmReference {
            let p = utm.forward(GeoPoint(latitude: r.lat, longitude: r.lon))
            #expect(abs(p.x - r.e) < 0.001, "easting of \(r)")
            #expect(abs(p.y - r.n) < 0.001, "northing of \(r)")
        }
    }

    @Test("inverse returns the original point to 1e-9 degrees")
    func roundTrip() {
        let projection = LocalProjection(reference: GeoPoint(latitude: -34.6158, longitude: -58.4333))
        for r in Self.utmReference {
            let g = GeoPoint(latitude: r.lat, longitude: r.lon)
            let back = projection.unproject(projection.project(g))
            #expect(abs(back.latitude - g.latitude) < 1e-9)
            #expect(abs(back.longitude - g.longitude) < 1e-9)
        }
    }

    // Geodesic distances on WGS84 from GeographicLib (Karney), in metres.
    @Test("local plane distances are within 1 m of the geodesic across 40 km")
    func distancesWithinOneMetre() {
        let projection = LocalProjection(reference: GeoPoint(latitude: -34.6158, longitude: -58.4333))
        let pairs: [(GeoPoint, GeoPoint, Double)] = [
            (GeoPoint(latitude: -34.7053, longitude: -58.5315), GeoPoint(latitude: -34.5265, longitude: -58.3352), 26786.9110),
            (GeoPoint(latitude: -34.6037, longitude: -58.3816), GeoPoint(latitude: -34.62, longitude: -58.45), 6528.8478),
            (GeoPoint(latitude: -34.60, longitude: -58.60), GeoPoint(latitude: -34.60, longitude: -58.16), 40361.2465),
        ]
        for (a, b, geodesic) in pairs {
            let d = projection.project(a).distance(to: projection.project(b))
            #expect(abs(d - geodesic) < 1.0, "planar \(d) vs geodesic \(geodesic)")
        }
    }

    @Test("the reference point projects to the origin")
    func referenceIsOrigin() {
        let ref = GeoPoint(latitude: -34.6, longitude: -58.4)
        let p = LocalProjection(reference: ref).project(ref)
        #expect(abs(p.x) < 1e-9 && abs(p.y) < 1e-9)
    }
}

@Suite("Grid")
struct GridTests {
    let grid = Grid(originX: -1000, originY: -500, cellSize: 150, columns: 10, rows: 5)

    @Test("cell index, centre and bounds agree")
    func cellGeometry() throws {
        let cell = try #require(grid.cell(containing: PlanarPoint(x: -1000 + 150 * 3 + 10, y: -500 + 150 * 2 + 140)))
        #expect(cell == 2 * 10 + 3)
        #expect(grid.column(of: cell) == 3 && grid.row(of: cell) == 2)
        #expect(grid.centre(of: cell) == PlanarPoint(x: -1000 + 3.5 * 150, y: -500 + 2.5 * 150))
        #expect(grid.bounds(of: cell) == PlanarRect(minX: -550, minY: -200, maxX: -400, maxY: -50))
        #expect(grid.cell(containing: grid.centre(of: cell)) == cell)
    }

    @Test("points outside, on the far edge or not finite have no cell")
    func outside() {
        #expect(grid.cell(containing: PlanarPoint(x: -1000.01, y: 0)) == nil)
        #expect(grid.cell(containing: PlanarPoint(x: 500, y: 0)) == nil)
        #expect(grid.cell(containing: PlanarPoint(x: .nan, y: 0)) == nil)
        #expect(grid.cell(containing: PlanarPoint(x: -1000, y: -500)) == 0)
    }

    @Test("a covering grid holds every corner of its bounds")
    func covering() {
        let bounds = PlanarRect(minX: 0, minY: 0, maxX: 1000, maxY: 301)
        let g = Grid(covering: bounds)
        #expect(g.columns == 7 && g.rows == 3)
        #expect(g.cell(containing: PlanarPoint(x: 999.9, y: 300.9)) != nil)
    }
}
