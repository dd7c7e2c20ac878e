import Foundation
import Hotspots
import VigiaCore

/// Where patrols were sent in a period ("dosage") and what was recorded in
/// the boxes, with the feedback-loop guard's count of police-initiated
/// records per box (safeguard 8).
public struct DosageSection: Codable, Sendable, Equatable {
    public struct Box: Codable, Sendable, Equatable {
        public var issue: Int64
        public var unit: Int
        /// Who issued it; nil in the transparency report (aggregates only).
        public var issuedBy: String?
        public var from: String
        public var to: String
        public var district: String?
        public var sideMetres: Double
        /// The forecast's expectation for the box and window when issued.
        public var expected: Double
        /// Records in the box during its window (inside the report's period).
        public var incidents: Int
        public var policeInitiated: Int
    }

    public var issues: Int
    public var boxes: [Box]
    public var expectedInBoxes: Double
    public var incidentsInBoxes: Int
    public var incidentsElsewhere: Int
    public var policeInitiatedInBoxes: Int
    public var policeInitiatedElsewhere: Int
    /// Records whose source the data does not say (the guard cannot see them).
    public var unknownSource: Int
    public var policeInitiatedPerBox: Double?
    /// Police-initiated records outside the boxes, per the area of one box.
    public var policeInitiatedPerBoxAreaElsewhere: Double?

    /// The same without who issued the boxes.
    public var anonymised: DosageSection {
        var d = self
        d.boxes = boxes.map { var b = $0; b.issuedBy = nil; return b }
        return d
    }
}

extension Engine {
    /// The boxes issued for windows overlapping [start, end), against the
    /// incidents recorded inside them (all sources). Nil when none were issued.
    func dosage(start: Date, end: Date) throws -> DosageSection? {
        guard let patrols else { return nil }
        let issues = try patrols.issued(overlapping: start, to: end)
        guard !issues.isEmpty else { return nil }
        let districts = try districtIndex()
        let recorded = try incidents.incidents(from: start, to: end)
        let projection = districts?.projection ?? LocalProjection(reference: issues[0].boxes.first?.centre ?? GeoPoint(latitude: 0, longitude: 0))
        let format = TimestampFormatter(timeZone: timeZone)
        let clipFrom = start.timeIntervalSince1970, clipTo = end.timeIntervalSince1970
        var boxes: [PatrolDosage.Box] = [], rows: [DosageSection.Box] = []
        for issue in issues {
            for b in issue.boxes {
                boxes.append(PatrolDosage.Box(unit: boxes.count, centre: projection.project(b.centre), side: b.sideMetres,
                                              from: max(clipFrom, issue.from.timeIntervalSince1970), to: min(clipTo, issue.to.timeIntervalSince1970)))
                rows.append(DosageSection.Box(issue: issue.id, unit: b.unit, issuedBy: issue.issuedBy, from: format.string(from: issue.from),
                                              to: format.string(from: issue.to), district: b.district, sideMetres: b.sideMetres,
                                              expected: b.expected, incidents: 0, policeInitiated: 0))
            }
        }
        let records = recorded.map {
            PatrolDosage.Record(point: projection.project($0.location), time: $0.occurredAt.timeIntervalSince1970, policeInitiated: $0.source == .policeInitiated)
        }
        let area = districts?.districts.reduce(0) { $0 + $1.shape.area } ?? 0
        let d = PatrolDosage.count(boxes: boxes, records: records, area: area)
        for (i, c) in d.boxes.enumerated() { rows[i].incidents = c.incidents; rows[i].policeInitiated = c.policeInitiated }
        return DosageSection(issues: issues.count, boxes: rows, expectedInBoxes: rows.reduce(0) { $0 + $1.expected },
                             incidentsInBoxes: d.inBoxes, incidentsElsewhere: d.elsewhere, policeInitiatedInBoxes: d.policeInitiatedInBoxes,
                             policeInitiatedElsewhere: d.policeInitiatedElsewhere,
                             unknownSource: recorded.filter { $0.source == .unknown }.count,
                             policeInitiatedPerBox: d.policeInitiatedPerBox, policeInitiatedPerBoxAreaElsewhere: d.policeInitiatedPerBoxAreaElsewhere)
    }
}
