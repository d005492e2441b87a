import DocExtract
import Foundation

/// A self-contained HTML page for checking an extraction by eye: every page with a box around each value,
/// coloured by confidence and labelled with its JSON Pointer, a table of the fields (the ones that need review
/// first) linked both ways to the boxes, the values that were found nowhere, and a summary of the run.
///
/// ```swift
/// let report = ReviewReport(result: result, pages: pages)   // pages: PNG renders and sizes in points
/// try report.write(to: URL(fileURLWithPath: "review.html"))
/// ```
///
/// The file needs no network: page images are embedded as `data:` URLs and a content security policy
/// forbids loading anything else. Every value from the document is HTML-escaped. Opening the file with the
/// fragment `#selftest=<pointer>` runs a self-test in the page that writes its findings into the DOM.
public struct ReviewReport: Sendable {
    /// One row of the field table.
    public struct Row: Sendable, Hashable {
        /// The row's identifier in the page: `row-<id>` and `box-<id>`.
        public var id: String
        /// The field.
        public var field: ExtractionResult.Field
        /// Its colour band.
        public var band: ConfidenceBand
    }

    /// The extraction shown.
    public var result: ExtractionResult
    /// The pages' images and sizes, by page number.
    public var pages: [ReviewPage]
    /// The page's title; the document's name by default.
    public var title: String

    /// Creates a report of `result` over `pages` (any order; pages missing here are drawn blank when
    /// the result knows their size).
    public init(result: ExtractionResult, pages: [ReviewPage], title: String? = nil) {
        self.result = result
        self.pages = pages.sorted { $0.number < $1.number }
        self.title = title ?? "Review: \(result.file)"
    }

    /// The field table's rows: the fields that need review first, least confident first (the order of
    /// ``ExtractionResult/needsReview``), then the others in document order.
    public var rows: [Row] {
        let reviewRank = Dictionary(
            result.needsReview.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first }
        )
        let indexed = result.fields.enumerated().map { index, field in
            Row(
                id: "f\(index)", field: field,
                band: ConfidenceBand(confidence: field.confidence, needsReview: field.needsReview))
        }
        func rank(_ row: Row) -> (Int, Int, Double) {
            let review = row.field.needsReview || reviewRank[row.field.pointer] != nil
            return review ? (0, reviewRank[row.field.pointer] ?? Int.max, row.field.confidence) : (1, 0, 0)
        }
        return indexed.enumerated().sorted { left, right in
            let (a, b) = (rank(left.element), rank(right.element))
            if a != b { return a < b }
            return left.offset < right.offset
        }.map(\.element)
    }

    /// The page sections drawn: every page read, given an image, or named by a box, with its size when known.
    var pageSections: [(number: Int, size: PageSize?, png: Data?)] {
        var numbers = Set(result.pages.map(\.page))
        numbers.formUnion(pages.map(\.number))
        numbers.formUnion(result.fields.compactMap { $0.provenance?.page })
        return numbers.sorted().map { number in
            let page = pages.first { $0.number == number }
            let size = page?.size ?? result.pages.first { $0.page == number }?.size
            return (number, size, page?.png)
        }
    }

    /// The whole HTML document.
    public func html() -> String {
        let rows = rows
        var html = ReviewHTMLWriter()
        html.document(title: title) {
            $0.summary(result)
            $0.open("main")
            $0.fieldsPanel(result: result, rows: rows)
            $0.pagesPanel(sections: pageSections, rows: rows, file: result.file)
            $0.close("main")
        }
        return html.text
    }

    /// Writes ``html()`` to `url` atomically.
    public func write(to url: URL) throws {
        try Data(html().utf8).write(to: url, options: .atomic)
    }
}
