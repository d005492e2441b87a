import CTesseract
import ExtractCore

/// Walks Tesseract's result iterator after recognition and builds blocks, lines and words.
struct TesseractResultReader {
    let api: OpaquePointer
    let mapper: BoxMapper

    func read() -> PageText {
        var blocks = nonTextBlocks()
        var lines: [TextLine] = []
        guard let results = TessBaseAPIGetIterator(api) else { return PageText(source: .ocr, lines: []) }
        defer { TessResultIteratorDelete(results) }
        let page = TessResultIteratorGetPageIterator(results)

        var blockLines: [TextLine] = []
        var blockBox: BoundingBox?
        var blockKind = TextBlock.Kind.text
        var lineWords: [TextWord] = []
        var lineBox: BoundingBox?

        func finishLine() {
            if !lineWords.isEmpty {
                let line = TextLine(words: lineWords, box: lineBox)
                lines.append(line)
                blockLines.append(line)
            }
            lineWords = []
            lineBox = nil
        }
        func finishBlock() {
            finishLine()
            if let blockBox, !blockLines.isEmpty {
                blocks.append(TextBlock(kind: blockKind, box: blockBox, lines: blockLines))
            }
            blockLines = []
            blockBox = nil
        }

        repeat {
            if TessPageIteratorIsAtBeginningOf(page, RIL_BLOCK) != 0 {
                finishBlock()
                blockBox = box(page, RIL_BLOCK)
                blockKind = Self.kind(TessPageIteratorBlockType(page))
            }
            if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0 {
                finishLine()
                lineBox = box(page, RIL_TEXTLINE)
            }
            guard let raw = TessResultIteratorGetUTF8Text(results, RIL_WORD) else { continue }
            let text = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
            TessDeleteText(raw)
            guard !text.isEmpty, let wordBox = box(page, RIL_WORD) else { continue }
            let confidence = Double(TessResultIteratorConfidence(results, RIL_WORD)) / 100
            lineWords.append(TextWord(text: text, box: wordBox, confidence: min(1, max(0, confidence))))
        } while TessResultIteratorNext(results, RIL_WORD) != 0
        finishBlock()

        blocks.sort { ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) }
        return PageText(source: .ocr, lines: lines, blocks: blocks)
    }

    /// Image, separator and noise blocks, which hold no words and so never show up in the word walk.
    private func nonTextBlocks() -> [TextBlock] {
        guard let layout = TessBaseAPIGetIterator(api) else { return [] }
        defer { TessResultIteratorDelete(layout) }
        let page = TessResultIteratorGetPageIterator(layout)
        var blocks: [TextBlock] = []
        repeat {
            let kind = Self.kind(TessPageIteratorBlockType(page))
            guard [.image, .separator, .noise].contains(kind), let blockBox = box(page, RIL_BLOCK) else { continue }
            blocks.append(TextBlock(kind: kind, box: blockBox, lines: []))
        } while TessPageIteratorNext(page, RIL_BLOCK) != 0
        return blocks
    }

    private func box(_ page: OpaquePointer?, _ level: TessPageIteratorLevel) -> BoundingBox? {
        var left: Int32 = 0
        var top: Int32 = 0
        var right: Int32 = 0
        var bottom: Int32 = 0
        guard TessPageIteratorBoundingBox(page, level, &left, &top, &right, &bottom) != 0 else { return nil }
        return mapper.map(left: left, top: top, right: right, bottom: bottom)
    }

    static func kind(_ type: TessPolyBlockType) -> TextBlock.Kind {
        switch type {
        case PT_FLOWING_TEXT, PT_VERTICAL_TEXT: .text
        case PT_HEADING_TEXT: .heading
        case PT_PULLOUT_TEXT: .pullout
        case PT_TABLE: .table
        case PT_CAPTION_TEXT: .caption
        case PT_EQUATION, PT_INLINE_EQUATION: .equation
        case PT_FLOWING_IMAGE, PT_HEADING_IMAGE, PT_PULLOUT_IMAGE: .image
        case PT_HORZ_LINE, PT_VERT_LINE: .separator
        case PT_NOISE: .noise
        default: .unknown
        }
    }
}
