import ExtractCore

/// Keeps the words of an image-region OCR that the text layer does not already hold, so text printed over an
/// image (a caption, a form label) is not read twice.
enum RegionOCRMerger {
    /// An OCR word whose box overlaps a text-layer word's box by at least this share of the smaller box is
    /// the same printed text, and is dropped.
    static let overlapForDuplicate = 0.3

    /// `ocr` without the words the text layer already has, lines and blocks without those words (empty ones
    /// dropped); with the counts of words kept and dropped.
    static func newWords(_ ocr: PageText, textLayer: PageText?) -> (text: PageText, kept: Int, dropped: Int) {
        let printed = textLayer?.words.map(\.box) ?? []
        var kept = 0
        var dropped = 0
        func isDuplicate(_ word: TextWord) -> Bool {
            printed.contains { box in
                guard let overlap = word.box.intersection(box) else { return false }
                return overlap.area >= overlapForDuplicate * min(word.box.area, box.area)
            }
        }
        func filter(_ lines: [TextLine], count: Bool) -> [TextLine] {
            lines.compactMap { line in
                let words = line.words.filter { !isDuplicate($0) }
                if count {
                    kept += words.count
                    dropped += line.words.count - words.count
                }
                if words.isEmpty { return nil }
                return words.count == line.words.count ? line : TextLine(words: words)
            }
        }
        let lines = filter(ocr.lines, count: true)
        let blocks = ocr.blocks.compactMap { block -> TextBlock? in
            guard !block.lines.isEmpty else { return block }
            let remaining = filter(block.lines, count: false)
            return remaining.isEmpty ? nil : TextBlock(kind: block.kind, box: block.box, lines: remaining)
        }
        return (PageText(source: .ocr, lines: lines, blocks: blocks, regions: ocr.regions), kept, dropped)
    }
}
