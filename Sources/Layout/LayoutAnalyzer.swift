import ExtractCore
import Foundation

/// The offline layout analyser: reading order across columns, titles and headings from font sizes, running
/// headers and footers, from the geometry of a page's lines alone (no model).
///
/// Lines are ordered by a recursive cut of the page: bands separated by vertical white space are read top to
/// bottom, and a band with a white gutter running through all of it is read column by column. Bands that
/// share the same gutter are merged first, so paragraph gaps that happen to line up in two columns do not make
/// the reading jump between columns. Lines near the top or bottom edge that repeat on other pages (or, on a
/// one-page document, that sit in the outer margin in small type) become page headers and footers.
public struct LayoutAnalyzer: Sendable {
    /// Bump when the analysis changes: it is part of the evidence's cache key.
    public static let version = 2

    /// The narrowest white gutter, in points, that separates columns. Default 12.
    public var minimumGutter: Double = 12
    /// Vertical white space, as a multiple of the median line height, that separates bands. Default 0.8.
    public var bandGapFactor: Double = 0.8
    /// The share of the page height at the top and bottom where running headers and footers live. Default 0.08.
    public var marginShare: Double = 0.08
    /// A line at least this many times the body font size is a title (the largest) or heading. Default 1.25.
    public var headingFactor: Double = 1.25
    /// Find tables (``TableDetector``) and give them as regions of rows and cells. Default `true`.
    public var detectsTables = true

    /// The defaults.
    public init() {}

    /// Regions of every page of `evidence`, in reading order; pages without text get none.
    public func analyze(_ evidence: DocumentEvidence) -> [[LayoutRegion]] {
        let pages = evidence.pages.map { page -> (PageEvidence, PageText?) in
            (page, page.textLayer ?? page.ocr)
        }
        let repeated = repeatedMarginTexts(pages.map { ($0.0.size, $0.1) })
        return pages.map { page, text in
            guard let text else { return [] }
            return analyze(text, size: page.size, repeatedMarginTexts: repeated, singlePage: pages.count == 1)
        }
    }

    /// Regions of one page.
    public func analyze(
        _ text: PageText, size: PageSize, repeatedMarginTexts: Set<String> = [], singlePage: Bool = true
    ) -> [LayoutRegion] {
        let lines = text.lines.filter { !$0.words.isEmpty }
        guard !lines.isEmpty else { return [] }
        let bodySize = Self.median(lines.compactMap { Self.fontSize(of: $0) }) ?? Self.median(lines.map(\.box.height))
            ?? 10
        let lineHeight = Self.median(lines.map(\.box.height)) ?? 10

        var marginal: [(TextLine, LayoutRegion.Kind)] = []
        var body: [TextLine] = []
        for line in lines {
            let top = line.box.maxY <= size.height * marginShare
            let bottom = line.box.y >= size.height * (1 - marginShare)
            let key = Self.marginKey(line.text)
            let small = (Self.fontSize(of: line) ?? bodySize) <= bodySize * 1.05
            if (top || bottom) && (repeatedMarginTexts.contains(key) || (singlePage && small)) {
                marginal.append((line, top ? .pageHeader : .pageFooter))
            } else {
                body.append(line)
            }
        }

        // Tables first: their words leave the prose and come back as one region of rows and cells.
        let tables = detectsTables ? TableDetector().detect(body.flatMap(\.words), pageWidth: size.width) : []
        if !tables.isEmpty {
            let inTables = Set(tables.flatMap(\.words))
            body = body.compactMap { line in
                let rest = line.words.filter { !inTables.contains($0) }
                return rest.isEmpty ? nil : (rest.count == line.words.count ? line : TextLine(words: rest))
            }
        }

        var ordered: [(line: TextLine, column: Int?)] = []
        cut(body, column: nil, lineHeight: lineHeight, into: &ordered)

        var regions: [LayoutRegion] = []
        let headers = marginal.filter { $0.1 == .pageHeader }.map(\.0).sorted { ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) }
        if !headers.isEmpty { regions.append(region(.pageHeader, headers, column: nil, source: text.source)) }

        let largest = body.compactMap { Self.fontSize(of: $0) }.max() ?? bodySize
        var current: [TextLine] = []
        var currentKind: LayoutRegion.Kind = .paragraph
        var currentColumn: Int?
        func flush() {
            if !current.isEmpty { regions.append(region(currentKind, current, column: currentColumn, source: text.source)) }
            current = []
        }
        var titleTaken = false
        for (line, column) in ordered {
            let size = Self.fontSize(of: line) ?? bodySize
            var kind: LayoutRegion.Kind = .paragraph
            if size >= bodySize * headingFactor {
                kind = (!titleTaken && size >= largest - 0.1) ? .title : .heading
            } else if Self.isListItem(line.text) {
                kind = .list
            }
            let gap = current.last.map { line.box.y - $0.box.maxY } ?? 0
            let breaks = kind != currentKind || column != currentColumn || gap > lineHeight * bandGapFactor
                || kind == .heading || (kind == .title && !current.isEmpty)
            if breaks { flush() }
            if kind == .title { titleTaken = true }
            currentKind = kind
            currentColumn = column
            current.append(line)
        }
        flush()
        // A table row that holds exactly the words of a source line reuses that line's word storage instead of
        // a copy (the same values: on a 200-page statement the copies were 5 MB of the evidence).
        var sourceWords: [[TextWord]: [TextWord]] = [:]
        if !tables.isEmpty {
            for line in lines { sourceWords[line.words] = line.words }
        }
        for table in tables {
            let rows = table.rowWords.filter { !$0.isEmpty }.map { TextLine(words: sourceWords[$0] ?? $0) }
            let region = LayoutRegion(kind: .table, box: table.box, order: 0, lines: rows, source: text.source,
                                      cells: table.cells)
            let position = regions.firstIndex { $0.kind != .pageHeader && $0.box.y > table.box.y } ?? regions.count
            regions.insert(region, at: position)
        }
        let footers = marginal.filter { $0.1 == .pageFooter }.map(\.0).sorted { ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) }
        if !footers.isEmpty { regions.append(region(.pageFooter, footers, column: nil, source: text.source)) }
        for index in regions.indices { regions[index].order = index }
        return regions
    }

    // MARK: Reading order

    private func cut(_ lines: [TextLine], column: Int?, lineHeight: Double, into ordered: inout [(line: TextLine, column: Int?)]) {
        guard lines.count > 1 else {
            ordered += lines.map { ($0, column) }
            return
        }
        // Bands: runs of lines separated by vertical white space.
        let bands = mergeBandsSharingAGutter(bandsOf(lines, lineHeight: lineHeight))
        if bands.count > 1 {
            for band in bands { cut(band, column: column, lineHeight: lineHeight, into: &ordered) }
            return
        }
        if let gutter = widestGutter(lines) {
            let left = lines.filter { $0.box.midX < gutter }
            let right = lines.filter { $0.box.midX >= gutter }
            if !left.isEmpty, !right.isEmpty {
                cut(left, column: (column ?? 0), lineHeight: lineHeight, into: &ordered)
                cut(right, column: (column ?? 0) + 1, lineHeight: lineHeight, into: &ordered)
                return
            }
        }
        ordered += lines.sorted { ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) }.map { ($0, column) }
    }

    private func bandsOf(_ lines: [TextLine], lineHeight: Double) -> [[TextLine]] {
        let sorted = lines.sorted { $0.box.y < $1.box.y }
        var bands: [[TextLine]] = []
        var current: [TextLine] = []
        var bottom = -Double.infinity
        for line in sorted {
            if !current.isEmpty, line.box.y - bottom > lineHeight * bandGapFactor {
                bands.append(current)
                current = []
            }
            current.append(line)
            bottom = max(bottom, line.box.maxY)
        }
        if !current.isEmpty { bands.append(current) }
        return bands
    }

    /// Merges neighbouring bands that are split by the same column gutter: they are one multi-column block.
    private func mergeBandsSharingAGutter(_ bands: [[TextLine]]) -> [[TextLine]] {
        var merged: [[TextLine]] = []
        for band in bands {
            if let last = merged.last, let gutter = widestGutter(last), let next = widestGutter(band),
               abs(gutter - next) < minimumGutter * 2, widestGutter(last + band) != nil {
                merged[merged.count - 1] = last + band
            } else {
                merged.append(band)
            }
        }
        return merged
    }

    /// The centre of the widest vertical white strip crossing all of `lines` (not at the edges), if any is at
    /// least ``minimumGutter`` wide and has text on both sides.
    private func widestGutter(_ lines: [TextLine]) -> Double? {
        guard lines.count >= 2 else { return nil }
        let intervals = lines.map { ($0.box.x, $0.box.maxX) }.sorted { $0.0 < $1.0 }
        var best: (width: Double, centre: Double)?
        var reach = intervals[0].1
        for interval in intervals.dropFirst() {
            if interval.0 - reach >= minimumGutter, interval.0 - reach > (best?.width ?? 0) {
                best = (interval.0 - reach, (interval.0 + reach) / 2)
            }
            reach = max(reach, interval.1)
        }
        guard let best else { return nil }
        let left = lines.filter { $0.box.midX < best.centre }.count
        let right = lines.count - left
        // A gutter between one label and its value is not a column break: both sides need several lines.
        return left >= 2 && right >= 2 ? best.centre : nil
    }

    // MARK: Headers and footers

    /// Texts (digits removed) of margin lines that recur on at least half of the pages (of two or more).
    private func repeatedMarginTexts(_ pages: [(PageSize, PageText?)]) -> Set<String> {
        guard pages.count >= 2 else { return [] }
        var counts: [String: Int] = [:]
        for (size, text) in pages {
            var seen = Set<String>()
            for line in text?.lines ?? [] where line.box.maxY <= size.height * marginShare
                || line.box.y >= size.height * (1 - marginShare) {
                seen.insert(Self.marginKey(line.text))
            }
            for key in seen { counts[key, default: 0] += 1 }
        }
        return Set(counts.filter { $0.value * 2 >= pages.count }.keys)
    }

    static func marginKey(_ text: String) -> String {
        String(text.lowercased().filter { !$0.isNumber && !$0.isWhitespace })
    }

    // MARK: Helpers

    private func region(_ kind: LayoutRegion.Kind, _ lines: [TextLine], column: Int?, source: TextSource)
        -> LayoutRegion
    {
        LayoutRegion(
            kind: kind, box: BoundingBox.enclosing(lines.map(\.box)) ?? BoundingBox(x: 0, y: 0, width: 0, height: 0),
            order: 0, column: column, lines: lines, source: source
        )
    }

    static func fontSize(of line: TextLine) -> Double? {
        median(line.words.compactMap(\.fontSize))
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    static func isListItem(_ text: String) -> Bool {
        guard let first = text.split(separator: " ").first else { return false }
        if ["•", "-", "–", "*", "·"].contains(String(first)) { return true }
        let stripped = first.trimmingCharacters(in: CharacterSet(charactersIn: ".)"))
        return first.count <= 4 && first != stripped && Int(stripped) != nil
    }
}
