// `make eval` (layout part): the offline table detector on the ICDAR 2013 table competition PDFs of the shared
// corpus — table detection precision and recall against the region ground truth (IoU ≥ 0.5), and ICDAR-style
// cell adjacency F1 on the tables found.
//
//     BenchLayout --corpus ../shared/corpus

import ExtractCore
import Foundation
import Layout
import PopplerStage

var corpus = "../shared/corpus"
var detector = TableDetector()
let environment = ProcessInfo.processInfo.environment
if let value = environment["DX_CELL_GAP"].flatMap(Double.init) { detector.cellGapFactor = value }
if let value = environment["DX_ROW_GAP"].flatMap(Double.init) { detector.rowGapFactor = value }
if let value = environment["DX_MIN_ROWS"].flatMap(Int.init) { detector.minimumRows = value }
if let value = environment["DX_LOOSE"].flatMap(Int.init) { detector.maximumLooseRows = value }
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let flag = arguments.next() {
    if flag == "--corpus" { corpus = arguments.next() ?? corpus }
}
let root = URL(fileURLWithPath: corpus).appendingPathComponent("icdar2013-tables")
let folders = ["competition-dataset-eu", "competition-dataset-us"]

struct Region {
    var page: Int
    var box: BoundingBox
    var grid: [[String]]
}

/// Ground truth: region boxes from `-reg.xml` (PDF coordinates, origin bottom-left) and the grids of
/// `.tables.json`, paired in document order.
func groundTruth(pdf: URL, pageHeights: [Double]) -> [Region] {
    let base = pdf.deletingPathExtension().path
    guard let xml = try? String(contentsOfFile: base + "-reg.xml", encoding: .utf8) else { return [] }
    let pattern = try! NSRegularExpression(
        pattern: #"<region[^>]*page='(\d+)'[\s\S]*?bounding-box x1='(\d+)' y1='(\d+)' x2='(\d+)' y2='(\d+)'"#
    )
    var boxes: [(Int, BoundingBox)] = []
    for match in pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)) {
        let numbers = (1...5).map { Double(xml[Range(match.range(at: $0), in: xml)!])! }
        let page = Int(numbers[0])
        let height = page - 1 < pageHeights.count ? pageHeights[page - 1] : 842
        boxes.append((page, BoundingBox(x: numbers[1], y: height - numbers[4], width: numbers[3] - numbers[1],
                                        height: numbers[4] - numbers[2])))
    }
    var grids: [[[String]]] = []
    if let data = FileManager.default.contents(atPath: base + ".tables.json"),
       let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
       let tables = object["tables"] as? [[String: Any]] {
        for table in tables {
            for region in table["regions"] as? [[String: Any]] ?? [] {
                grids.append(region["grid"] as? [[String]] ?? [])
            }
        }
    }
    return boxes.enumerated().map { index, entry in
        Region(page: entry.0, box: entry.1, grid: index < grids.count ? grids[index] : [])
    }
}

func normalize(_ text: String) -> String {
    text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// Adjacency relations of a grid: each non-empty cell with the next non-empty, different cell to its right and
/// below (spanned cells repeat in the grid and count once).
func adjacency(_ grid: [[String]]) -> [String: Int] {
    var relations: [String: Int] = [:]
    let rows = grid.count
    let columns = grid.map(\.count).max() ?? 0
    func cell(_ row: Int, _ column: Int) -> String {
        column < grid[row].count ? normalize(grid[row][column]) : ""
    }
    for row in 0..<rows {
        for column in 0..<columns {
            let text = cell(row, column)
            guard !text.isEmpty else { continue }
            var right = column + 1
            while right < columns, cell(row, right).isEmpty || cell(row, right) == text { right += 1 }
            if right < columns { relations["\(text)\u{1}→\u{1}\(cell(row, right))", default: 0] += 1 }
            var down = row + 1
            while down < rows, cell(down, column).isEmpty || cell(down, column) == text { down += 1 }
            if down < rows { relations["\(text)\u{1}↓\u{1}\(cell(down, column))", default: 0] += 1 }
        }
    }
    return relations
}

func grid(of table: TableDetector.Table) -> [[String]] {
    var grid = Array(repeating: Array(repeating: "", count: table.columns), count: table.rows)
    for cell in table.cells {
        for column in cell.column..<min(table.columns, cell.column + cell.columnSpan) {
            grid[cell.row][column] = cell.text
        }
    }
    return grid
}

var detected = 0
var truthCount = 0
var matchedDetected = 0
var matchedTruth = 0
var adjacencyCorrect = 0
var adjacencyFound = 0
var adjacencyTruth = 0
var documents = 0
let start = Date()
for folder in folders {
    let directory = root.appendingPathComponent(folder)
    let pdfs = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".pdf") }.sorted()
    for name in pdfs {
        let url = directory.appendingPathComponent(name)
        guard let document = try? PDFDocument(.file(url.path)) else { continue }
        documents += 1
        let heights = (1...max(1, document.pageCount)).map { (try? document.pageSize($0))?.height ?? 842 }
        let truth = groundTruth(pdf: url, pageHeights: heights)
        truthCount += truth.count
        var found: [(page: Int, table: TableDetector.Table)] = []
        for page in 1...max(1, document.pageCount) where page <= document.pageCount {
            guard let text = try? document.textLayer(page: page), let size = try? document.pageSize(page) else {
                continue
            }
            found += detector.detect(text.words, pageWidth: size.width).map { (page, $0) }
        }
        detected += found.count
        matchedDetected += found.filter { candidate in
            truth.contains { $0.page == candidate.page && $0.box.intersectionOverUnion(candidate.table.box) >= 0.5 }
        }.count
        for region in truth {
            let best = found.filter { $0.page == region.page }
                .max { $0.table.box.intersectionOverUnion(region.box) < $1.table.box.intersectionOverUnion(region.box) }
            let expected = adjacency(region.grid)
            adjacencyTruth += expected.values.reduce(0, +)
            guard let best, best.table.box.intersectionOverUnion(region.box) >= 0.5 else { continue }
            matchedTruth += 1
            let ours = adjacency(grid(of: best.table))
            adjacencyFound += ours.values.reduce(0, +)
            adjacencyCorrect += ours.reduce(0) { $0 + min($1.value, expected[$1.key] ?? 0) }
        }
    }
}
let precision = detected == 0 ? 0 : Double(matchedDetected) / Double(detected)
let recall = truthCount == 0 ? 0 : Double(matchedTruth) / Double(truthCount)
let adjacencyPrecision = adjacencyFound == 0 ? 0 : Double(adjacencyCorrect) / Double(adjacencyFound)
let adjacencyRecall = adjacencyTruth == 0 ? 0 : Double(adjacencyCorrect) / Double(adjacencyTruth)
let f1 = adjacencyPrecision + adjacencyRecall == 0 ? 0
    : 2 * adjacencyPrecision * adjacencyRecall / (adjacencyPrecision + adjacencyRecall)
print("""

DocExtract layout evaluation — offline table detector on ICDAR 2013 (\(documents) PDFs, \(truthCount) table regions), \
\(String(format: "%.1f", Date().timeIntervalSince(start))) s

| metric | value |
|---|---:|
| tables detected | \(detected) |
| detection precision (IoU ≥ 0.5) | \(String(format: "%.3f", precision)) |
| detection recall (IoU ≥ 0.5) | \(String(format: "%.3f", recall)) |
| cell adjacency precision (all ground-truth relations in the denominator of recall) | \
\(String(format: "%.3f", adjacencyPrecision)) |
| cell adjacency recall | \(String(format: "%.3f", adjacencyRecall)) |
| cell adjacency F1 | \(String(format: "%.3f", f1)) |
""")

// MARK: Reading order on multi-column documents

/// Paragraphs of a Markdown ground truth (headings, text), as word lists; tables and images skipped.
func paragraphs(ofMarkdown text: String) -> [[String]] {
    text.components(separatedBy: "\n\n").compactMap { block -> [String]? in
        let trimmed = block.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("|"), !trimmed.hasPrefix("<!--"), !trimmed.hasPrefix("![") else {
            return nil
        }
        let words = trimmed.replacingOccurrences(of: "#", with: " ").lowercased()
            .split(whereSeparator: { $0.isWhitespace }).map(String.init)
        return words.count >= 8 ? words : nil
    }
}

/// The share of consecutive ground-truth paragraphs whose first words appear in the same order in `text`.
func orderAgreement(_ text: String, paragraphs: [[String]]) -> (agree: Int, pairs: Int, found: Int) {
    let haystack = text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    let positions = paragraphs.map { words -> String.Index? in
        haystack.range(of: words.prefix(5).joined(separator: " "))?.lowerBound
    }
    let found = positions.compactMap { $0 }
    var agree = 0
    for index in found.indices.dropFirst() where found[index - 1] < found[index] { agree += 1 }
    return (agree, max(0, found.count - 1), found.count)
}

let orderDocuments = [
    ("docling/tests/data/pdf/sources/2305.03393v1-pg9.pdf", "docling/tests/data/pdf/groundtruth/2305.03393v1-pg9.md"),
    ("docling/tests/data/pdf/sources/multi_page.pdf", "docling/tests/data/pdf/groundtruth/multi_page.md"),
    ("unstructured/multi-column-2p.pdf", "unstructured/multi-column-2p.expected.md"),
]
print("""

Reading order (consecutive ground-truth paragraphs found in the same order; first 5 words of each located)

| document | paragraphs located | in order, source order | in order, local layout |
|---|---:|---:|---:|
""")
for (pdf, truth) in orderDocuments {
    let base = URL(fileURLWithPath: corpus)
    guard let document = try? PDFDocument(.file(base.appendingPathComponent(pdf).path)),
          let markdown = try? String(contentsOf: base.appendingPathComponent(truth), encoding: .utf8) else { continue }
    let expected = paragraphs(ofMarkdown: markdown)
    var plain: [String] = []
    var pages: [PageEvidence] = []
    for page in 1...max(1, document.pageCount) where page <= document.pageCount {
        guard let text = try? document.textLayer(page: page), let size = try? document.pageSize(page) else { continue }
        plain.append(text.text)
        pages.append(PageEvidence(number: page, size: size, textLayer: text))
    }
    let evidence = DocumentEvidence(info: document.info, pages: pages)
    let ordered = LayoutAnalyzer().analyze(evidence).map { regions in
        regions.map(\.text).joined(separator: "\n")
    }.joined(separator: "\n")
    let before = orderAgreement(plain.joined(separator: "\n"), paragraphs: expected)
    let after = orderAgreement(ordered, paragraphs: expected)
    print("| \(URL(fileURLWithPath: pdf).lastPathComponent) | \(after.found) of \(expected.count) | "
        + "\(before.agree)/\(before.pairs) | \(after.agree)/\(after.pairs) |")
}
