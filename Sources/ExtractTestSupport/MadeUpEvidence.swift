import ExtractCore

/// One page of made-up evidence for unit tests, one line per entry.
public enum MadeUpEvidence {
    /// Words on a grid: word `c` of line `r` at x = `left` + `step`·c, y = `top` + 20·r, `width` × `height`.
    public static func grid(
        _ rows: [[String]], left: Double = 40, step: Double = 70, width: Double = 60, height: Double = 10,
        top: Double = 40, source: TextSource = .textLayer, confidence: Double? = nil,
        pageSize: PageSize = PageSize(width: 595, height: 842)
    ) -> DocumentEvidence {
        let lines = rows.enumerated().map { row, words in
            TextLine(words: words.enumerated().map { column, text in
                TextWord(text: text, box: BoundingBox(x: left + step * Double(column), y: top + 20 * Double(row),
                                                      width: width, height: height), confidence: confidence)
            })
        }
        return page(lines, source: source, size: pageSize)
    }

    /// Text-layer lines split at spaces, each word 6 pt a character wide and 5 pt from the next, from x = `left`
    /// at y = `top` + 20·row (as the text layer gives words).
    public static func lines(_ rows: [String], left: Double = 40, top: Double = 40) -> DocumentEvidence {
        let lines = rows.enumerated().map { row, text in
            TextLine(words: words(text, left: left, y: top + 20 * Double(row), confidence: nil))
        }
        return page(lines, source: .textLayer, size: PageSize(width: 595, height: 842))
    }

    /// Lines centred on x = `centre` (as a receipt prints them), words laid out as ``lines(_:left:top:)`` lays
    /// them; OCR lines unless `source` says otherwise, each word at its row's `confidences` entry (0.9 where none
    /// is given).
    public static func centredLines(
        _ rows: [String], centre: Double = 300, top: Double = 40, source: TextSource = .ocr,
        confidences: [Int: Double] = [:]
    ) -> DocumentEvidence {
        let lines = rows.enumerated().map { row, text in
            let width = Double(text.split(separator: " ").reduce(0) { $0 + $1.count * 6 + 5 } - 5)
            return TextLine(words: words(text, left: centre - width / 2, y: top + 20 * Double(row),
                                         confidence: confidences[row] ?? 0.9))
        }
        return page(lines, source: source, size: PageSize(width: 595, height: 842))
    }

    /// `text` split at spaces into words 6 pt a character wide, 10 pt high and 5 pt apart, from x = `left`.
    private static func words(_ text: String, left: Double, y: Double, confidence: Double?) -> [TextWord] {
        var x = left
        return text.split(separator: " ").map { word in
            let width = Double(word.count) * 6
            defer { x += width + 5 }
            return TextWord(text: String(word), box: BoundingBox(x: x, y: y, width: width, height: 10),
                            confidence: confidence)
        }
    }

    private static func page(_ lines: [TextLine], source: TextSource, size: PageSize) -> DocumentEvidence {
        let text = PageText(source: source, lines: lines)
        let page = PageEvidence(number: 1, size: size, textLayer: source == .ocr ? nil : text,
                                ocr: source == .ocr ? text : nil)
        return DocumentEvidence(info: DocumentInfo(pageCount: 1, pageSizes: [size]), pages: [page])
    }
}
