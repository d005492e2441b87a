import ExtractCore

/// Merges two OCR readings of the same page line by line: where lines of the two overlap, the reading whose
/// lines hold more confident text is kept there; lines only one reading found are kept as they are. No line is
/// read twice, so the evidence never holds the same printed text two ways.
enum OCRReadingMerger {
    /// Two lines are the same printed line when their boxes overlap by at least this share of the smaller box.
    static let overlapForSameLine = 0.5

    /// `first` with the places where `second` read more, confidence times characters, taken from `second`.
    static func merge(_ first: PageText, _ second: PageText) -> PageText {
        let a = first.lines
        let b = second.lines
        guard !b.isEmpty else { return first }
        guard !a.isEmpty else { return second }
        // Clusters of overlapping lines across both readings (union-find over a's then b's indices).
        var parent = Array(0..<(a.count + b.count))
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        for (i, lineA) in a.enumerated() {
            for (j, lineB) in b.enumerated() where sameLine(lineA.box, lineB.box) {
                parent[root(i)] = root(a.count + j)
            }
        }
        var scoreA: [Int: Double] = [:]
        var scoreB: [Int: Double] = [:]
        for (i, line) in a.enumerated() { scoreA[root(i), default: 0] += score(line) }
        for (j, line) in b.enumerated() { scoreB[root(a.count + j), default: 0] += score(line) }
        let takesB = { (cluster: Int) in scoreB[cluster, default: 0] > scoreA[cluster, default: 0] }
        var linesOfB: [Int: [TextLine]] = [:]
        for (j, line) in b.enumerated() { linesOfB[root(a.count + j), default: []].append(line) }

        // a's lines in order, each cluster won by b replaced by b's lines where its first line of a stood.
        var lines: [TextLine] = []
        var replacement: [Int: [TextLine]] = [:]
        var emitted = Set<Int>()
        for (i, line) in a.enumerated() {
            let cluster = root(i)
            guard takesB(cluster) else {
                lines.append(line)
                replacement[i] = [line]
                continue
            }
            if emitted.insert(cluster).inserted {
                let taken = linesOfB[cluster] ?? []
                lines += taken
                replacement[i] = taken
            } else {
                replacement[i] = []
            }
        }
        // Lines only b read, placed by their position down the page.
        var added: [TextLine] = []
        for (cluster, taken) in linesOfB where scoreA[cluster] == nil && scoreB[cluster, default: 0] > 0 {
            added += taken
        }
        added.sort { ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) }
        for line in added {
            let index = lines.firstIndex { $0.box.midY > line.box.midY } ?? lines.endIndex
            lines.insert(line, at: index)
        }

        var blocks: [TextBlock] = first.blocks.compactMap { block in
            guard !block.lines.isEmpty else { return block }
            let kept = block.lines.flatMap { line -> [TextLine] in
                guard let index = a.firstIndex(of: line) else { return [line] }
                return replacement[index] ?? [line]
            }
            guard !kept.isEmpty else { return nil }
            let box = BoundingBox.enclosing(kept.map(\.box) + [block.box]) ?? block.box
            return TextBlock(kind: block.kind, box: box, lines: kept)
        }
        blocks += added.map { TextBlock(kind: .text, box: $0.box, lines: [$0]) }
        blocks.sort { ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) }
        return PageText(source: .ocr, lines: lines, blocks: blocks, regions: first.regions)
    }

    /// Confidence times characters: how much readable text a line holds.
    static func score(_ line: TextLine) -> Double {
        line.words.reduce(0) { $0 + ($1.confidence ?? 0.5) * Double($1.text.count) }
    }

    static func sameLine(_ one: BoundingBox, _ other: BoundingBox) -> Bool {
        guard let overlap = one.intersection(other) else { return false }
        return overlap.area >= overlapForSameLine * min(one.area, other.area)
    }
}
