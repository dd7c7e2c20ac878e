import Foundation

/// The reports' charts as inline SVG. Every bar carries its number as text,
/// so nothing is said by colour alone and the chart prints in grey.
enum SVGCharts {
    static let priorityColours = ["#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf"]

    /// Stacked bars, one per label, segments by series (with a legend). Bars
    /// start at zero. Labels and totals that would overlap their neighbours
    /// are shown only every k-th bar.
    static func stackedBars(labels: [String], series: [String], values: [[Int]], colours: [String], legend: Bool = true) -> String {
        let width = 640.0, height = 230.0, left = 44.0, bottom = 28.0, top = 34.0
        let totals = values.map { $0.reduce(0, +) }
        let peak = Double(max(1, totals.max() ?? 1))
        let slot = (width - left - 8) / Double(max(1, labels.count))
        let labelStep = step(slot: slot, widest: labels.map(\.count).max() ?? 0)
        let totalStep = step(slot: slot, widest: totals.map { grouped($0).count }.max() ?? 0)
        var o = svgOpen(width, height)
        o += axis(left: left, top: top, bottom: height - bottom, right: width - 8, low: 0, high: peak)
        for (i, label) in labels.enumerated() {
            var y = height - bottom
            let x = left + Double(i) * slot + slot * 0.15
            for (k, v) in values[i].enumerated() where v > 0 {
                let h = Double(v) / peak * (height - bottom - top)
                y -= h
                o += rect(x, y, slot * 0.7, h, colours[k % colours.count], title: "\(label) \(series[k]): \(v)")
            }
            if i % labelStep == 0 { o += text(x + slot * 0.35, height - bottom + 12, label, anchor: "middle") }
            if totals[i] > 0, i % totalStep == 0 { o += text(x + slot * 0.35, y - 3, grouped(totals[i]), anchor: "middle") }
        }
        for (k, name) in series.enumerated() where legend {
            let x = left + Double(k) * 70
            o += rect(x, 4, 10, 10, colours[k % colours.count], title: name) + text(x + 14, 13, name, anchor: "start")
        }
        return o + "</svg>"
    }

    /// A line over days, for a count that changes little: the axis spans the
    /// values, and says in the chart when it does not start at zero.
    /// Returns the SVG and the axis' lowest value.
    static func line(labels: [String], values: [Int]) -> (svg: String, axisStart: Int) {
        guard let lowest = values.min(), let highest = values.max() else { return ("", 0) }
        let width = 640.0, height = 200.0, left = 52.0, bottom = 28.0, top = 16.0
        // Zero when it leaves the changes visible (the lowest value is under half the highest), else a round number under the lowest.
        let span = max(1, highest - lowest)
        let unit = niceUnit(Double(span) / 4)
        let low = lowest * 2 < highest ? 0 : max(0, Int((Double(lowest) / unit).rounded(.down) * unit) - Int(unit))
        let high = max(low + 1, Int((Double(highest) / unit).rounded(.up) * unit))
        let slot = (width - left - 8) / Double(max(1, values.count))
        let labelStep = step(slot: slot, widest: labels.map(\.count).max() ?? 0)
        func y(_ v: Int) -> Double { height - bottom - Double(v - low) / Double(high - low) * (height - bottom - top) }
        var o = svgOpen(width, height)
        o += axis(left: left, top: top, bottom: height - bottom, right: width - 8, low: Double(low), high: Double(high))
        if low > 0 { o += text(left + 4, height - bottom - 4, "axis starts at \(grouped(low)), not 0", anchor: "start") }
        let points = values.enumerated().map { i, v in String(format: "%.1f,%.1f", left + (Double(i) + 0.5) * slot, y(v)) }
        o += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#4d4d4d\" stroke-width=\"1.5\" />"
        for (i, v) in values.enumerated() {
            let x = left + (Double(i) + 0.5) * slot
            o += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"#4d4d4d\">", x, y(v)) + "<title>\(ReportFormat.html(labels[i])): \(v)</title></circle>"
            if i % labelStep == 0 { o += text(x, height - bottom + 12, labels[i], anchor: "middle") }
        }
        return (o + "</svg>", low)
    }

    /// Show every k-th label so that labels of `widest` characters (about 6 px each at 10 px) do not touch.
    static func step(slot: Double, widest: Int) -> Int {
        guard slot > 0 else { return 1 }
        return max(1, Int((Double(widest * 6 + 6) / slot).rounded(.up)))
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceUnit(_ raw: Double) -> Double {
        let power = pow(10, (log10(max(raw, 1))).rounded(.down))
        return [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
    }

    /// 1,822.
    static func grouped(_ v: Int) -> String { HeadlineFormat.count(v, false) }

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

    static func axis(left: Double, top: Double, bottom: Double, right: Double, low: Double, high: Double) -> String {
        String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\" />", left, bottom, right, bottom)
            + String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\" />", left, top, left, bottom)
            + text(left - 4, top + 4, grouped(Int(high)), anchor: "end") + text(left - 4, bottom, grouped(Int(low)), anchor: "end")
    }
}
