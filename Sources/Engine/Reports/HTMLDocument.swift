import Foundation

/// One self-contained HTML file: inline CSS and SVG, no scripts, no links out.
/// It is also well-formed XML, so a test can parse it, and it prints on A4.
enum HTMLDocument {
    static func page(title: String, body: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>\(ReportFormat.html(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    /// A4 portrait: 180 mm of text between 15 mm margins; tables take the
    /// full width, numbers never wrap, and wide tables shrink their type
    /// instead of running off the page.
    static let css = """
    @page { size: A4 portrait; margin: 15mm; }
    * { box-sizing: border-box; }
    body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; max-width: 180mm; margin: 1.5em auto; padding: 0 1em; }
    h1 { font-size: 17pt; margin: 0 0 .2em; }
    h2 { font-size: 13pt; border-bottom: 1px solid #999; margin: 1.4em 0 .5em; break-after: avoid; }
    h3 { font-size: 11pt; margin: 1em 0 .3em; break-after: avoid; }
    p.lead { font-size: 11.5pt; line-height: 1.5; margin: .4em 0 1em; padding: .6em .8em; border-left: 4px solid #444; background: #f3f3f3; }
    table { border-collapse: collapse; width: 100%; margin: .3em 0 .8em; break-inside: avoid; font-size: 9.5pt; }
    table.wide { font-size: 8.5pt; }
    th, td { border: 1px solid #bbb; padding: .15em .4em; text-align: left; vertical-align: top; }
    th { background: #eee; font-weight: 600; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
    td.n { white-space: nowrap; }
    .muted { color: #555; }
    .bad { font-weight: bold; }
    figure { margin: .5em 0 1em; break-inside: avoid; }
    figcaption { font-size: 9pt; color: #444; }
    svg { max-width: 100%; height: auto; }
    svg text { font-family: inherit; font-size: 10px; fill: #222; }
    @media print { body { margin: 0; padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
    """

    /// A table; cells that look like numbers are right-aligned.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "<p class=\"muted\">None.</p>" }
        // Numbers, shares, durations and "—" align right; dates (2018-11-15…) read left to right like text.
        func numeric(_ s: String) -> Bool {
            guard let first = s.first, first.isNumber || first == "—" else { return false }
            return !(s.count >= 10 && s.dropFirst(4).first == "-" && s.dropFirst(7).first == "-")
        }
        // A column is numeric when every cell in it is: its header aligns with it.
        let numericColumn = header.indices.map { c in rows.allSatisfy { c >= $0.count || numeric($0[c]) } }
        var o = header.count > 8 ? "<table class=\"wide\">" : "<table>"
        o += "<thead><tr>" + header.enumerated().map { c, h in
            "<th\(numericColumn[c] ? " class=\"n\"" : "")>\(ReportFormat.html(h))</th>"
        }.joined() + "</tr></thead><tbody>"
        for r in rows {
            o += "<tr>" + r.map { "<td\(numeric($0) ? " class=\"n\"" : "")>\(ReportFormat.html($0))</td>" }.joined() + "</tr>"
        }
        return o + "</tbody></table>"
    }

    static func paragraph(_ text: String, muted: Bool = false) -> String {
        "<p\(muted ? " class=\"muted\"" : "")>\(ReportFormat.html(text, limit: 2_000))</p>"
    }

    static func figure(_ svg: String, caption: String) -> String {
        "<figure>\(svg)<figcaption>\(ReportFormat.html(caption))</figcaption></figure>"
    }
}
