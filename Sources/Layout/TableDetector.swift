import ExtractCore

/// Finds tables in a page's words from their geometry: runs of visual rows whose words fall into the same
/// three or more column bands (or two bands of short cells), separated by gaps wider than a word space.
///
/// Rows are rebuilt from the words themselves (not from the source's lines, which may split or merge a row),
/// each row is cut into segments at wide gaps, and the segments of a run of rows are projected onto the x axis:
/// the white gaps common to every row are the column gutters. A segment wider than one column band spans.
public struct TableDetector: Sendable {
    /// A gap wider than this many times the text height separates two cells. Default 0.8.
    public var cellGapFactor: Double = 0.8
    /// Rows with two or more cells a table has at least. Default 4.
    public var minimumRows: Int = 4
    /// A vertical gap larger than this many line heights ends a table. Default 1.6.
    public var rowGapFactor: Double = 1.6
    /// The narrowest white strip, in points, that splits tightly set columns (see the detector's notes). Default 1.5.
    public var minimumTightGutter: Double = 1.5
    /// One-segment rows (a spanning cell, a wrapped label) a table may hold in a row. Default 1.
    public var maximumLooseRows: Int = 1

    /// The defaults.
    public init() {}

    /// A table found on a page.
    public struct Table: Sendable, Hashable {
        /// The table's box.
        public var box: BoundingBox
        /// Its cells.
        public var cells: [TableCell]
        /// The words it holds (removed from the page's prose).
        public var words: [TextWord]
        /// The words of each row, left to right.
        public var rowWords: [[TextWord]]
        /// Number of rows and columns.
        public var rows: Int
        /// See ``rows``.
        public var columns: Int
    }

    struct Segment {
        var words: [TextWord]
        var box: BoundingBox
    }

    struct Row {
        var words: [TextWord]
        var box: BoundingBox
        var segments: [Segment]
    }

    /// The tables among `words` of a page of width `pageWidth`.
    public func detect(_ words: [TextWord], pageWidth: Double) -> [Table] {
        let rows = visualRows(words)
        var tables: [Table] = []
        var run: [Row] = []
        var loose = 0
        func close() {
            // A run ends with its last row that has cells; one-segment rows before it stay (spanning headers).
            while let last = run.last, last.segments.count < 2 { run.removeLast() }
            defer {
                run = []
                loose = 0
            }
            guard run.filter({ $0.segments.count >= 2 }).count >= minimumRows,
                  let table = table(from: run, pageWidth: pageWidth) else { return }
            tables.append(table)
        }
        for row in rows {
            let tabular = row.segments.count >= 2
            if let last = run.last {
                let height = max(last.box.height, row.box.height, 1)
                if row.box.y - last.box.maxY > height * rowGapFactor { close() }
            }
            if tabular {
                run.append(row)
                loose = 0
            } else if !run.isEmpty, loose < maximumLooseRows {
                run.append(row)
                loose += 1
            } else {
                close()
            }
        }
        close()
        return tables
    }

    /// Words grouped into rows by vertical overlap, left to right, each cut into segments at wide gaps.
    func visualRows(_ words: [TextWord]) -> [Row] {
        var rows: [[TextWord]] = []
        for word in words.sorted(by: { $0.box.midY < $1.box.midY }) {
            if let last = rows.last?.last ?? nil, let lastRow = rows.last {
                let rowBox = BoundingBox.enclosing(lastRow.map(\.box))!
                if abs(word.box.midY - rowBox.midY) < min(word.box.height, last.box.height) * 0.5 {
                    rows[rows.count - 1].append(word)
                    continue
                }
            }
            rows.append([word])
        }
        return rows.map { row in
            let sorted = row.sorted { $0.box.x < $1.box.x }
            var segments: [Segment] = []
            for word in sorted {
                if var last = segments.last,
                   word.box.x - last.box.maxX <= max(word.box.height, last.box.height) * cellGapFactor {
                    last.words.append(word)
                    last.box = last.box.union(word.box)
                    segments[segments.count - 1] = last
                } else {
                    segments.append(Segment(words: [word], box: word.box))
                }
            }
            return Row(words: sorted, box: BoundingBox.enclosing(sorted.map(\.box))!, segments: segments)
        }
    }

    private func table(from rows: [Row], pageWidth: Double) -> Table? {
        // Column bands: the union of segment x-intervals over the rows; gaps in it are gutters.
        let intervals = rows.flatMap { $0.segments.map { ($0.box.x, $0.box.maxX) } }.sorted { $0.0 < $1.0 }
        var bands: [(Double, Double)] = []
        for interval in intervals {
            if let last = bands.last, interval.0 <= last.1 {
                bands[bands.count - 1].1 = max(last.1, interval.1)
            } else {
                bands.append(interval)
            }
        }
        let widths = rows.flatMap { $0.segments.map(\.box.width) }.sorted()
        let medianWidth = widths[widths.count / 2]
        // Two columns of long segments are prose in two columns, not a table.
        guard bands.count >= 3 || (bands.count == 2 && medianWidth < pageWidth * 0.25) else { return nil }
        // Tight columns (a gap narrower than a cell gap) still show as a white strip down every row: split a
        // band at such a strip when each side holds words in at least half of the rows that use the band.
        var refined: [(Double, Double)] = []
        for band in bands {
            let inBand = rows.map { row in row.words.filter { $0.box.midX >= band.0 && $0.box.midX <= band.1 } }
            let used = inBand.filter { !$0.isEmpty }
            var parts: [(Double, Double)] = []
            for word in used.flatMap({ $0 }).sorted(by: { $0.box.x < $1.box.x }) {
                if let last = parts.last, word.box.x - last.1 < minimumTightGutter {
                    parts[parts.count - 1].1 = max(last.1, word.box.maxX)
                } else {
                    parts.append((word.box.x, word.box.maxX))
                }
            }
            let populated = parts.allSatisfy { part in
                used.filter { words in words.contains { $0.box.midX >= part.0 && $0.box.midX <= part.1 } }.count * 2
                    >= used.count
            }
            if parts.count > 1, populated { refined += parts } else { refined.append(band) }
        }
        var cells: [TableCell] = []
        cells.reserveCapacity(rows.reduce(0) { $0 + $1.segments.count })
        for (rowIndex, row) in rows.enumerated() {
            for segment in row.segments {
                let covered = refined.indices.filter {
                    refined[$0].1 > segment.box.x && refined[$0].0 < segment.box.maxX
                }
                guard let first = covered.first else { continue }
                let withinOneBand = bands.filter { $0.1 > segment.box.x && $0.0 < segment.box.maxX }.count == 1
                if covered.count > 1, withinOneBand {
                    // A segment that tight columns ran together: one cell per column.
                    for index in covered {
                        let words = segment.words.filter {
                            $0.box.midX >= refined[index].0 && $0.box.midX <= refined[index].1
                        }
                        guard !words.isEmpty else { continue }
                        cells.append(TableCell(
                            row: rowIndex, column: index, text: words.map(\.text).joined(separator: " "),
                            box: BoundingBox.enclosing(words.map(\.box))!
                        ))
                    }
                    continue
                }
                cells.append(TableCell(
                    row: rowIndex, column: first, columnSpan: max(1, covered.count),
                    text: segment.words.map(\.text).joined(separator: " "), box: segment.box
                ))
            }
        }
        // Most rows must fill at least two columns, or this is a list with stray numbers.
        let filled = Dictionary(grouping: cells, by: \.row).values.filter { $0.count >= 2 }.count
        guard filled * 3 >= rows.count * 2 else { return nil }
        let words = rows.flatMap(\.words)
        // Kept in the page's layout: exactly sized. One cell per segment, reserved above, falls short where tight
        // columns split segments, and growth then left up to half of the array unused (a third of a 200-page
        // statement's cells).
        var kept: [TableCell] = []
        kept.reserveCapacity(cells.count)
        kept.append(contentsOf: cells)
        return Table(
            box: BoundingBox.enclosing(words.map(\.box))!, cells: kept, words: words, rowWords: rows.map(\.words),
            rows: rows.count,
            columns: refined.count
        )
    }
}
