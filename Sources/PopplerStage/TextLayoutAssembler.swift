import ExtractCore

/// Rebuilds words and lines from Poppler's text and its per-character boxes.
///
/// Poppler's plain text runs table cells together (`Part-0013` next to `3.50` comes out as
/// `Part-00133.50`); the character boxes show the gap, so a word also ends where the horizontal gap between
/// two characters is wide relative to the text height, or where the text jumps backwards or to another line.
struct TextLayoutAssembler {
    /// A gap wider than this share of the character height splits a word.
    var gapFactor = 0.3

    /// One character with its box and font size.
    struct Glyph {
        var scalar: Unicode.Scalar
        var box: BoundingBox
        var fontSize: Double?
    }

    func assemble(_ glyphs: [Glyph]) -> [TextLine] {
        var lines: [TextLine] = []
        var words: [TextWord] = []
        var current: [Glyph] = []

        func finishWord() {
            guard !current.isEmpty else { return }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: current.map(\.scalar))
            let box = BoundingBox.enclosing(current.map(\.box))!
            let sizes = current.compactMap(\.fontSize)
            let fontSize = sizes.isEmpty ? nil : sizes.max()
            words.append(TextWord(text: String(text), box: box, fontSize: fontSize))
            current.removeAll(keepingCapacity: true)
        }

        func finishLine() {
            finishWord()
            guard !words.isEmpty else { return }
            lines.append(TextLine(words: words))
            words.removeAll(keepingCapacity: true)
        }

        for glyph in glyphs {
            if glyph.scalar == "\n" || glyph.scalar == "\r" {
                finishLine()
                continue
            }
            if glyph.scalar.properties.isWhitespace {
                finishWord()
                continue
            }
            if let previous = current.last ?? nil, startsNewWord(after: previous, next: glyph) {
                if glyph.box.x < previous.box.x - previous.box.height
                    || abs(glyph.box.midY - previous.box.midY) > max(previous.box.height, glyph.box.height) {
                    finishLine()
                } else {
                    finishWord()
                }
            }
            current.append(glyph)
        }
        finishLine()
        return lines
    }

    private func startsNewWord(after previous: Glyph, next: Glyph) -> Bool {
        let height = max(previous.box.height, next.box.height, 1)
        let gap = next.box.x - previous.box.maxX
        if gap > gapFactor * height { return true }
        if next.box.x < previous.box.x - height * 0.5 { return true }
        return abs(next.box.midY - previous.box.midY) > height * 0.8
    }
}
