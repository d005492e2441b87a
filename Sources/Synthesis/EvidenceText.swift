import ExtractCore

/// The evidence as the model reads it: numbered lines page by page, in reading order, each with an id that
/// names its page and source (`p2.o14` is page 2, OCR line 14; `p1.t3` is page 1, text-layer line 3).
public struct EvidenceText: Sendable {
    /// One numbered line.
    public struct Line: Sendable, Hashable {
        /// `p<page>.<t|o><index>`.
        public var id: String
        /// 1-based page number.
        public var page: Int
        /// Where the line comes from.
        public var source: TextSource
        /// The line's text.
        public var text: String
    }

    /// Every line, pages in order.
    public let lines: Lines

    /// The lines: kept as built, or, for ``rows(_:)``, put together when read from the evidence's page texts
    /// (kept as rows of line indices, 12 bytes a row instead of a copy of every line's text: the copies were
    /// 1.2 MB of the peak heap of a 200-page statement).
    public struct Lines: RandomAccessCollection, Sendable {
        fileprivate enum Storage: Sendable {
            case lines([Line])
            case rows(Rows)
        }

        fileprivate let storage: Storage

        /// 0.
        public var startIndex: Int { 0 }

        /// The number of lines.
        public var endIndex: Int {
            switch storage {
            case .lines(let lines): lines.count
            case .rows(let rows): rows.rowStart.count
            }
        }

        /// The line at `position`.
        public subscript(position: Int) -> Line {
            switch storage {
            case .lines(let lines): lines[position]
            case .rows(let rows): rows.line(at: position)
            }
        }
    }

    /// The visual rows of the page texts: each row's text and lines (indices into its page text's lines, left to
    /// right).
    fileprivate struct Rows: Sendable {
        struct Source: Sendable {
            var page: Int
            var letter: String
            var text: PageText
        }

        var sources: [Source] = []
        /// For each row: its source.
        var rowSource: [Int32] = []
        /// For each row: its first entry in `members`.
        var rowStart: [Int32] = []
        /// The rows' line indices, row after row.
        var members: [Int32] = []

        func line(at position: Int) -> Line {
            let source = sources[Int(rowSource[position])]
            let end = position + 1 < rowStart.count ? Int(rowStart[position + 1]) : members.count
            let row = members[Int(rowStart[position])..<end]
            let lines = source.text.lines
            let text = row.count == 1 ? lines[Int(row.first!)].text
                : row.map { lines[Int($0)].text }.joined(separator: " | ")
            return Line(id: "p\(source.page).\(source.letter)\(row.first! + 1)", page: source.page,
                        source: source.text.source, text: text)
        }
    }

    /// Lays out `evidence`: page by page, the layout regions in reading order when layout analysis ran (each
    /// line tagged with its region, e.g. `[heading]`, `[column 2]`), otherwise the text layer's lines; then the
    /// page's OCR lines when it was OCR'd and they are not already what the regions show.
    public init(_ evidence: DocumentEvidence) {
        var lines: [Line] = []
        for page in evidence.pages {
            var layoutSource: TextSource?
            if let regions = page.layout, !regions.isEmpty {
                let source = regions[0].source
                layoutSource = source
                let original = (source == .ocr ? page.ocr : page.textLayer)?.lines ?? []
                var indices: [TextLine: [Int]] = [:]
                for (index, line) in original.enumerated() { indices[line, default: []].append(index) }
                let letter = source == .ocr ? "o" : "t"
                var tableNumber = 0
                for region in regions.sorted(by: { $0.order < $1.order }) {
                    var tag = region.kind.rawValue
                    if let column = region.column { tag += ", column \(column + 1)" }
                    if region.kind == .table, region.cells != nil {
                        // A table reads row by row, header row first, cells separated by ` | `.
                        tableNumber += 1
                        for (row, cells) in region.tableRows.enumerated() {
                            lines.append(Line(
                                id: "p\(page.number).\(letter)tab\(tableNumber)r\(row + 1)", page: page.number,
                                source: source, text: "[table \(tableNumber)] " + cells.joined(separator: " | ")
                            ))
                        }
                        continue
                    }
                    for line in region.lines where !line.words.isEmpty {
                        let index = indices[line]?.isEmpty == false ? indices[line]!.removeFirst() : original.count
                        lines.append(Line(id: "p\(page.number).\(letter)\(index + 1)", page: page.number, source: source,
                                          text: "[\(tag)] " + line.text))
                    }
                }
            } else {
                for (index, line) in (page.textLayer?.lines ?? []).enumerated() where line.wordCount > 0 {
                    lines.append(Line(id: "p\(page.number).t\(index + 1)", page: page.number, source: .textLayer,
                                      text: line.text))
                }
            }
            guard layoutSource != .ocr else { continue }
            for (index, line) in (page.ocr?.lines ?? []).enumerated() where line.wordCount > 0 {
                lines.append(Line(id: "p\(page.number).o\(index + 1)", page: page.number, source: .ocr,
                                  text: line.text))
            }
        }
        self.lines = Lines(storage: .lines(lines))
    }

    private init(lines: [Line]) {
        self.lines = Lines(storage: .lines(lines))
    }

    /// Lays out `evidence` row by row, the way the page is printed: page by page, the text layer's lines and
    /// then, on OCR'd pages, the OCR lines, each grouped into visual rows (lines whose vertical extents
    /// overlap), top to bottom, and a row's lines left to right joined with ` | `. A label and the value
    /// printed beside it (`Rechnungsnr. | 30064443`) stay on one line, which a small model reads far better
    /// than a reading order that puts the labels' column before the values' column. No region tags.
    public static func rows(_ evidence: DocumentEvidence) -> EvidenceText {
        var rows = Rows()
        // At most one row per line: reserved rather than grown (growth left up to half of it unused).
        let count = evidence.pages.reduce(0) { count, page in
            count + (page.textLayer?.lines.count ?? 0) + (page.ocr?.lines.count ?? 0)
        }
        rows.rowSource.reserveCapacity(count)
        rows.rowStart.reserveCapacity(count)
        rows.members.reserveCapacity(count)
        for page in evidence.pages {
            for (source, letter) in [(page.textLayer, "t"), (page.ocr, "o")] {
                guard let source else { continue }
                let visual = visualRows(source.lines)
                guard !visual.isEmpty else { continue }
                let sourceIndex = Int32(rows.sources.count)
                rows.sources.append(Rows.Source(page: page.number, letter: letter, text: source))
                for row in visual {
                    rows.rowSource.append(sourceIndex)
                    rows.rowStart.append(Int32(rows.members.count))
                    rows.members.append(contentsOf: row.map(Int32.init))
                }
            }
        }
        return EvidenceText(lines: Lines(storage: .rows(rows)))
    }

    private init(lines: Lines) {
        self.lines = lines
    }

    /// Indices of `lines` grouped into rows: top to bottom, each row left to right.
    static func visualRows(_ lines: [TextLine]) -> [[Int]] {
        let order = lines.indices.filter { lines[$0].wordCount > 0 }
            .sorted { lines[$0].box.midY < lines[$1].box.midY }
        var rows: [(box: BoundingBox, members: [Int])] = []
        for index in order {
            let box = lines[index].box
            if let last = rows.last, box.midY >= last.box.y, box.midY <= last.box.maxY,
               box.height <= 2 * max(1, last.box.height) {
                rows[rows.count - 1].members.append(index)
                rows[rows.count - 1].box = last.box.union(box)
            } else {
                rows.append((box, [index]))
            }
        }
        return rows.map { row in row.members.sorted { lines[$0].box.x < lines[$1].box.x } }
    }

    /// The lines as prompt text, one `id: text` per line under a `--- page N ---` header.
    public var rendered: String {
        var out = ""
        var page = 0
        for line in lines {
            if line.page != page {
                page = line.page
                out += "--- page \(page) ---\n"
            }
            out += "\(line.id): \(line.text)\n"
        }
        return out
    }

    /// Splits the evidence into runs of whole pages whose rendered text stays within `maximumCharacters`;
    /// a single page longer than that is split between lines. Never drops a line.
    public func chunks(maximumCharacters: Int) -> [EvidenceText] {
        guard rendered.count > maximumCharacters else { return [self] }
        var chunks: [[Line]] = []
        var current: [Line] = []
        var size = 0
        let pages = Dictionary(grouping: lines, by: \.page).sorted { $0.key < $1.key }
        for (_, pageLines) in pages {
            let pageSize = pageLines.reduce(20) { $0 + $1.id.count + $1.text.count + 3 }
            if size + pageSize > maximumCharacters, !current.isEmpty {
                chunks.append(current)
                current = []
                size = 0
            }
            if pageSize > maximumCharacters {
                for line in pageLines {
                    let lineSize = line.id.count + line.text.count + 3
                    if size + lineSize > maximumCharacters, !current.isEmpty {
                        chunks.append(current)
                        current = []
                        size = 0
                    }
                    current.append(line)
                    size += lineSize
                }
            } else {
                current += pageLines
                size += pageSize
            }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks.map { EvidenceText(lines: $0) }
    }

    /// The pages this evidence covers, in order.
    public var pages: [Int] {
        var seen: [Int] = []
        for line in lines where seen.last != line.page { seen.append(line.page) }
        return seen
    }
}
