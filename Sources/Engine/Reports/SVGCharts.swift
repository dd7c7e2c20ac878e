import Foundation

/// The reports' charts as inline SVG. Every bar carries its number as text,
/// so nothing is said by colour alone and the chart prints in grey.
enum SVGCharts {
    static let priorityColours = ["#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf"]

    /// Stacked bars, one per label, segments by series (with a legend).
    static func stackedBars(labels: [String], series: [String], values: [[Int]], colours: [String], legend: Bool = true) -> String {
        let width = 640.0, height = 230.0, left = 36.0, bottom = 28.0, top = 34.0
        let totals = values.map { $0.reduce(0, +) }
        let peak = Double(max(1, totals.max() ?? 1))
        let slot = (width - left - 8) / Double(max(1, labels.count))
        var o = svgOpen(width, height)
        o += axis(left: left, top: top, bottom: height - bottom, right: width - 8, peak: peak)
        for (i, label) in labels.enumerated() {
            var y = height - bottom
            let x = left + Double(i) * slot + slot * 0.15
            for (k, v) in values[i].enumerated() where v > 0 {
                let h = Double(v) / peak * (height - bottom - top)
                y -= h
                o += rect(x, y, slot * 0.7, h, colours[k % colours.count], title: "\(label) \(series[k]): \(v)")
            }
            o += text(x + slot * 0.35, height - bottom + 12, label, anchor: "middle")
            if totals[i] > 0 { o += text(x + slot * 0.35, y - 3, "\(totals[i])", anchor: "middle") }
        }
        for (k, name) in series.enumerated() where legend {
            let x = left + Double(k) * 70
            o += rect(x, 4, 10, 10, colours[k % colours.count], title: name) + text(x + 14, 13, name, anchor: "start")
        }
        return o + "</svg>"
    }

    /// Vertical bars with their labels under them.
    static func bars(labels: [String], values: [Int], colour: String = "#4d4d4d") -> String {
        stackedBars(labels: labels, series: ["count"], values: values.map { [$0] }, colours: [colour], legend: false)
    }

    /// Horizontal bars, one line per label.
    static func horizontalBars(_ items: [(String, Int)], colour: String = "#4d4d4d") -> String {
        guard !items.isEmpty else { return "" }
        let width = 640.0, row = 22.0, labelWidth = 170.0
        let height = Double(items.count) * row + 8
        let peak = Double(max(1, items.map(\.1).max() ?? 1))
        var o = svgOpen(width, height)
        for (i, (label, v)) in items.enumerated() {
            let y = 4 + Double(i) * row
            let w = Double(v) / peak * (width - labelWidth - 50)
            o += text(labelWidth - 6, y + 14, label, anchor: "end")
            o += rect(labelWidth, y + 3, max(w, 0.5), row - 6, colour, title: "\(label): \(v)")
            o += text(labelWidth + w + 4, y + 14, "\(v)", anchor: "start")
        }
        return o + "</svg>"
    }

    /// The forecast's top cells as squares, the incidents as dots (filled when inside a top cell), over the district outlines.
    static func map(_ m: ForecastMap) -> String {
        guard m.width > 0, m.height > 0 else { return "" }
        let scale = 600 / max(m.width, m.height)
        let w = m.width * scale, h = m.height * scale
        func x(_ v: Double) -> String { String(format: "%.1f", v * scale) }
        func y(_ v: Double) -> String { String(format: "%.1f", h - v * scale) }
        var o = svgOpen(w, h + 20)
        for path in m.outlines {
            let d = path.enumerated().map { i, p in (i == 0 ? "M" : "L") + x(p[0]) + " " + y(p[1]) }.joined(separator: " ") + " Z"
            o += "<path d=\"\(d)\" fill=\"none\" stroke=\"#999\" stroke-width=\"0.6\" />"
        }
        let side = max(1.5, m.cellSize * scale)
        for s in m.topCells {
            o += "<rect x=\"\(x(s.x))\" y=\"\(String(format: "%.1f", h - s.y * scale - side))\" width=\"\(String(format: "%.1f", side))\" "
                + "height=\"\(String(format: "%.1f", side))\" fill=\"#ef8a62\" fill-opacity=\"0.75\"><title>top cell \(s.rank)</title></rect>"
        }
        for d in m.incidents {
            o += "<circle cx=\"\(x(d.x))\" cy=\"\(y(d.y))\" r=\"2.2\" fill=\"\(d.inTopCells ? "#111" : "#fff")\" stroke=\"#111\" stroke-width=\"0.8\" />"
        }
        o += rect(4, h + 6, 10, 10, "#ef8a62", title: "top 5 % of cells") + text(18, h + 15, "top 5 % of cells", anchor: "start")
        o += "<circle cx=\"180\" cy=\"\(String(format: "%.1f", h + 11))\" r=\"3\" fill=\"#111\" />" + text(187, h + 15, "incident in a top cell", anchor: "start")
        o += "<circle cx=\"370\" cy=\"\(String(format: "%.1f", h + 11))\" r=\"3\" fill=\"#fff\" stroke=\"#111\" />" + text(377, h + 15, "incident elsewhere", anchor: "start")
        return o + "</svg>"
    }

    static func svgOpen(_ w: Double, _ h: Double) -> String {
        String(format: "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\">", w, h, w, h)
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ fill: String, title: String) -> String {
        String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%@\" stroke=\"#333\" stroke-width=\"0.5\">", x, y, w, h, fill)
            + "<title>\(ReportFormat.html(title))</title></rect>"
    }

    static func text(_ x: Double, _ y: Double, _ s: String, anchor: String) -> String {
        String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%@\">", x, y, anchor) + ReportFormat.html(s) + "</text>"
    }

    static func axis(left: Double, top: Double, bottom: Double, right: Double, peak: Double) -> String {
        String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\" />", left, bottom, right, bottom)
            + String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\" />", left, top, left, bottom)
            + text(left - 4, top + 4, String(Int(peak)), anchor: "end") + text(left - 4, bottom, "0", anchor: "end")
    }
}
