import DocExtract
import Foundation

/// Builds the report's markup piece by piece; every text that comes from the document goes through
/// ``HTMLText/escape(_:)``.
struct ReviewHTMLWriter {
    private(set) var text = ""

    private static let contentPolicy =
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

    mutating func raw(_ markup: String) { text += markup }
    mutating func open(_ tag: String) { text += "<\(tag)>" }
    mutating func close(_ tag: String) { text += "</\(tag)>\n" }

    /// An element with escaped text content; `attributes` values are escaped too.
    mutating func element(_ tag: String, _ content: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += "<\(tag)\(Self.attributes(attributes))>\(HTMLText.escape(content))</\(tag)>"
    }

    static func attributes(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.map { " \($0.key)=\"\(HTMLText.escape($0.value))\"" }.joined()
    }

    mutating func document(title: String, body: (inout ReviewHTMLWriter) -> Void) {
        raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        raw("<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.contentPolicy)\">\n")
        raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        raw("<meta name=\"color-scheme\" content=\"light\">\n")
        element("title", title)
        raw("\n<style>\n\(ReviewStyle.css)\n</style>\n<script>\n\(ReviewScript.errorCollector)\n</script>\n")
        raw("</head>\n<body>\n")
        body(&self)
        raw("<pre id=\"selftest-result\"></pre>\n<script>\n\(ReviewScript.interaction)\n</script>\n</body>\n</html>\n")
    }

    // MARK: Summary

    mutating func summary(_ result: ExtractionResult) {
        raw("<header>\n")
        raw("<h1>\(HTMLText.escape(result.file)) ")
        element("span", result.status.rawValue, ["class": "status status-\(result.status.rawValue)"])
        raw("</h1>\n<dl class=\"summary\" aria-label=\"Run summary\">")
        let usage = result.usage
        let timings = result.timings
        let items: [(String, String)] = [
            ("Fields", "\(result.fields.count), \(result.needsReview.count) to review"),
            ("Model", usage.model),
            ("Model calls", "\(usage.calls) (\(usage.attempts) answer\(usage.attempts == 1 ? "" : "s"))"),
            ("Tokens", "\(usage.inputTokens) in, \(usage.outputTokens) out"),
            ("Cost", String(format: "$%.4f", usage.costUSD)),
            (
                "Time",
                String(
                    format: "%.2f s (reading %.2f s, synthesis %.2f s)", timings.totalSeconds,
                    timings.evidenceSeconds, timings.synthesisSeconds)
            ),
            ("Cache", "\(result.cacheHits) hit\(result.cacheHits == 1 ? "" : "s"), \(result.stagesExecuted) executed"),
        ]
        for (name, value) in items {
            raw("<div><dt>\(HTMLText.escape(name))</dt><dd>\(HTMLText.escape(value))</dd></div>")
        }
        raw("</dl>\n<h2 id=\"routing-title\">Routing per page</h2>\n")
        raw("<ul class=\"routing\" aria-labelledby=\"routing-title\">")
        for page in result.pages {
            let route = page.decision.map { ($0.runOCR ? "OCR" : "text layer") + " — " + $0.reason } ?? "not decided"
            let words = "\(page.textLayerWords) text-layer words, \(page.ocrWords) OCR words"
            element("li", "Page \(page.page): \(route) (\(words))")
        }
        raw("</ul>\n")
        if !result.errors.isEmpty {
            raw("<h2>Errors</h2><ul class=\"plain\">")
            for error in result.errors { element("li", error) }
            raw("</ul>\n")
        }
        if !result.diagnostics.isEmpty {
            raw("<details><summary>Diagnostics (\(result.diagnostics.count))</summary><ul class=\"plain\">")
            for diagnostic in result.diagnostics { element("li", "\(diagnostic)") }
            raw("</ul></details>\n")
        }
        raw("</header>\n")
    }

    // MARK: Fields

    mutating func fieldsPanel(result: ExtractionResult, rows: [ReviewReport.Row]) {
        raw("<section id=\"fields-panel\" aria-labelledby=\"fields-title\">\n")
        raw("<h2 id=\"fields-title\">Fields</h2>\n")
        raw("<ul class=\"legend\" aria-label=\"Box colours\">")
        for band in ConfidenceBand.allCases.reversed() {
            element("li", "\(band.label)", ["class": "band-\(band.rawValue)"])
        }
        raw(
            "</ul>\n<p class=\"help\" id=\"fields-help\">Click a row, or press Enter or Space, to show its box on "
                + "the page; ↑ and ↓ move between rows, Home and End to the first and last. Click a box to find its "
                + "row.</p>\n")
        raw("<p id=\"announce\" class=\"visually-hidden\" aria-live=\"polite\"></p>\n")
        let review = rows.filter { $0.field.needsReview }.count
        raw("<table id=\"fields\" aria-describedby=\"fields-help\">\n<caption>\(rows.count) value")
        raw("\(rows.count == 1 ? "" : "s"), \(review) need\(review == 1 ? "s" : "") review (listed first)</caption>\n")
        raw(
            "<thead><tr><th scope=\"col\">Pointer</th><th scope=\"col\">Value</th>"
                + "<th scope=\"col\" class=\"num\">Confidence</th><th scope=\"col\">Source</th>"
                + "<th scope=\"col\" class=\"num\">Page</th><th scope=\"col\">Origin</th></tr></thead>\n<tbody>\n")
        for (index, row) in rows.enumerated() { fieldRow(row, first: index == 0) }
        raw("</tbody></table>\n")
        let missing = rows.filter { $0.field.provenance == nil }
        raw("<h2 id=\"missing-title\">Values without provenance</h2>\n")
        if missing.isEmpty {
            raw("<p>Every value was found in the document.</p>\n")
        } else {
            raw(
                "<p>These values were not found printed anywhere in the document; check them against the "
                    + "original.</p>\n<ul class=\"plain\" id=\"missing\" aria-labelledby=\"missing-title\">")
            for row in missing {
                raw("<li><code>\(HTMLText.escape(row.field.pointer))</code> = ")
                value(row.field.value)
                raw(" <span class=\"missing\">(\(HTMLText.escape(row.field.origin)))</span></li>")
            }
            raw("</ul>\n")
        }
        raw("</section>\n")
    }

    private mutating func fieldRow(_ row: ReviewReport.Row, first: Bool) {
        let field = row.field
        let classes = "field-row band-\(row.band.rawValue)" + (field.needsReview ? " needs-review" : "")
        var attributes =
            " id=\"row-\(row.id)\" class=\"\(classes)\" data-field=\"\(row.id)\""
            + " data-pointer=\"\(HTMLText.escape(field.pointer))\" tabindex=\"\(first ? 0 : -1)\""
        if field.provenance != nil { attributes += " aria-controls=\"box-\(row.id)\"" }
        // Long pointers may wrap after a slash.
        let pointer = field.pointer.split(separator: "/", omittingEmptySubsequences: false)
            .map { HTMLText.escape(String($0)) }.joined(separator: "/<wbr>")
        raw("<tr\(attributes)><td><code>\(pointer)</code>")
        if field.needsReview { raw(" <span class=\"tag\">needs review</span>") }
        raw("</td><td class=\"value\">")
        value(field.value)
        raw("</td><td class=\"num\"><span class=\"badge\">")
        raw(String(format: "%.2f", field.confidence) + " " + HTMLText.escape(row.band.rawValue) + "</span></td>")
        if let place = field.provenance {
            element("td", Self.sourceName(place.source) + " · " + place.match)
            element("td", "\(place.page)", ["class": "num"])
        } else {
            raw("<td class=\"missing\">not found in the document</td><td class=\"num missing\">—</td>")
        }
        element("td", field.origin)
        raw("</tr>\n")
    }

    private mutating func value(_ value: JSONValue) {
        switch value {
        case .string(let string): raw(HTMLText.escape(string))
        case .null: raw("<span class=\"null\">null</span>")
        default: raw("<code>\(HTMLText.escape(value.serialized()))</code>")
        }
    }

    static func sourceName(_ source: String) -> String {
        switch source {
        case "text_layer": "text layer"
        case "ocr": "OCR"
        case "both": "text layer + OCR"
        default: source
        }
    }

    // MARK: Pages

    mutating func pagesPanel(
        sections: [(number: Int, size: PageSize?, png: Data?)], rows: [ReviewReport.Row], file: String
    ) {
        raw("<section id=\"pages\" aria-labelledby=\"pages-title\">\n<h2 id=\"pages-title\">Pages</h2>\n")
        raw(
            "<p class=\"page-tools\"><label><input type=\"checkbox\" id=\"show-labels\" checked> Show the pointer "
                + "labels on the pages</label> (hidden ones still show on hover and for the selected field)</p>\n")
        for section in sections {
            let onPage = rows.filter { $0.field.provenance?.page == section.number }
            let id = "page-\(section.number)"
            raw("<section class=\"page\" id=\"\(id)\" aria-labelledby=\"\(id)-title\">")
            var caption = "\(onPage.count) value\(onPage.count == 1 ? "" : "s")"
            if let size = section.size {
                caption = "\(Int(size.width.rounded())) × \(Int(size.height.rounded())) pt · " + caption
            }
            raw("<h3 id=\"\(id)-title\">Page \(section.number) <small>\(HTMLText.escape(caption))</small></h3>")
            guard let size = section.size, size.width > 0, size.height > 0 else {
                raw("<p class=\"missing\">The page's size is unknown, so its boxes cannot be drawn.</p></section>\n")
                continue
            }
            let ratio = "\(Self.number(size.width)) / \(Self.number(size.height))"
            // --ratio lets print size the frame so that a whole page fits on one sheet.
            let fraction = String(format: "%.6f", size.width / size.height)
            raw("<div class=\"page-frame\" style=\"aspect-ratio:\(ratio);--ratio:\(fraction)\">")
            if let png = section.png {
                raw("<img src=\"data:image/png;base64,\(png.base64EncodedString())\" alt=\"Page \(section.number) of ")
                raw("\(HTMLText.escape(file))\" decoding=\"sync\">")
            } else {
                raw("<div class=\"no-image\">no image of this page</div>")
            }
            for row in onPage {
                guard let place = row.field.provenance else { continue }
                let placement = BoxPlacement(box: place.box, page: size)
                let pointer = HTMLText.escape(row.field.pointer)
                let label = HTMLText.escape(
                    "\(row.field.pointer) = \(place.text) (confidence \(String(format: "%.2f", row.field.confidence)))"
                )
                raw("<div class=\"box band-\(row.band.rawValue)\" id=\"box-\(row.id)\" data-field=\"\(row.id)\"")
                raw(" data-page=\"\(section.number)\" style=\"\(placement.css())\" role=\"button\" tabindex=\"-1\"")
                raw(" title=\"\(label)\" aria-label=\"\(label)\"><span class=\"box-label\">\(pointer)</span></div>")
            }
            raw("</div></section>\n")
        }
        raw("</section>\n")
    }

    private static func number(_ value: Double) -> String { String(format: "%.3f", value) }
}
