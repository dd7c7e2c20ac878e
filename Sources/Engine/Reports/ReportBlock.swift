import Foundation

/// A report as a list of blocks, so Markdown and HTML say the same thing:
/// each report builds its blocks once and both renderers draw them.
public enum ReportBlock: Sendable, Equatable {
    case title(String)
    case heading(String, id: String)
    case subheading(String)
    case paragraph(String, muted: Bool = false)
    /// The report's opening sentences, set apart from the tables.
    case lead(String)
    /// An alarm line (e.g. a broken audit chain), bold in both forms.
    case warning(String)
    case table([String], [[String]])
    /// An inline SVG chart; Markdown shows its caption only (the table beside it holds the numbers).
    case figure(svg: String, caption: String)
}

public enum ReportRenderer {
    public static func markdown(_ blocks: [ReportBlock]) -> String {
        var o: [String] = []
        for b in blocks {
            switch b {
            case .title(let t): o += ["# " + ReportFormat.markdown(t), ""]
            case .heading(let t, _): o += ["## " + ReportFormat.markdown(t), ""]
            case .subheading(let t): o += ["### " + ReportFormat.markdown(t), ""]
            case .paragraph(let t, _): o += [ReportFormat.markdown(t, limit: 2_000), ""]
            case .lead(let t): o += ["> " + ReportFormat.markdown(t, limit: 4_000), ""]
            case .warning(let t): o += ["**" + ReportFormat.markdown(t, limit: 2_000) + "**", ""]
            case .table(let header, let rows):
                guard !rows.isEmpty else { o += ["None.", ""]; continue }
                o.append("| " + header.map { ReportFormat.markdown($0) }.joined(separator: " | ") + " |")
                o.append("| " + header.map { _ in "---" }.joined(separator: " | ") + " |")
                for r in rows { o.append("| " + r.map { ReportFormat.markdown($0) }.joined(separator: " | ") + " |") }
                o.append("")
            case .figure: continue
            }
        }
        return o.joined(separator: "\n")
    }

    public static func html(_ blocks: [ReportBlock]) -> String {
        var body: [String] = [], title = "Vigía report", open = false
        for b in blocks {
            switch b {
            case .title(let t): title = t; body.append("<h1>\(ReportFormat.html(t))</h1>")
            case .heading(let t, let id):
                if open { body.append("</section>") }
                body.append("<section id=\"\(ReportFormat.html(id))\"><h2>\(ReportFormat.html(t))</h2>")
                open = true
            case .subheading(let t): body.append("<h3>\(ReportFormat.html(t))</h3>")
            case .paragraph(let t, let muted): body.append(HTMLDocument.paragraph(t, muted: muted))
            case .lead(let t): body.append("<p class=\"lead\">\(ReportFormat.html(t, limit: 4_000))</p>")
            case .warning(let t): body.append("<p class=\"bad\">\(ReportFormat.html(t, limit: 2_000))</p>")
            case .table(let header, let rows): body.append(HTMLDocument.table(header, rows))
            case .figure(let svg, let caption): if !svg.isEmpty { body.append(HTMLDocument.figure(svg, caption: caption)) }
            }
        }
        if open { body.append("</section>") }
        return HTMLDocument.page(title: title, body: body)
    }
}
