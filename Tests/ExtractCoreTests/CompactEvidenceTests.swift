import ExtractCore
import Foundation
import Testing

/// Words, lines and table cells are stored compactly, but read, compare and encode as the plain structs they were.
@Suite struct CompactEvidenceTests {
    /// The structs as they were declared before, with synthesized encodings.
    struct PlainWord: Codable {
        var text: String
        var box: BoundingBox
        var fontSize: Double?
        var confidence: Double?
    }

    struct PlainLine: Codable {
        var words: [TextWord]
        var box: BoundingBox
    }

    struct PlainCell: Codable {
        var row: Int
        var column: Int
        var rowSpan: Int
        var columnSpan: Int
        var text: String
        var box: BoundingBox
    }

    /// Sorted keys: without them this JSONEncoder's key order is not the declaration order, for these types or
    /// the synthesized ones.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func wordKeepsItsOptionalNumbersAndEncoding() throws {
        let box = BoundingBox(x: 1.25, y: 2.5, width: 30.125, height: 11.1)
        let plain = TextWord(text: "Invoice", box: box)
        #expect(plain.fontSize == nil && plain.confidence == nil)
        #expect(try Self.json(plain) == Self.json(PlainWord(text: "Invoice", box: box)))
        var full = TextWord(text: "30064443", box: box, fontSize: 9.75, confidence: 0.9312)
        #expect(full.fontSize == 9.75 && full.confidence == 0.9312)
        #expect(try Self.json(full)
            == Self.json(PlainWord(text: "30064443", box: box, fontSize: 9.75, confidence: 0.9312)))
        for word in [plain, full] {
            let decoded = try JSONDecoder().decode(TextWord.self, from: Data(try Self.json(word).utf8))
            #expect(decoded == word)
            #expect(decoded.hashValue == word.hashValue)
        }
        full.confidence = nil
        #expect(full.confidence == nil && full.fontSize == 9.75)
        #expect(full != TextWord(text: "30064443", box: box, fontSize: 9.75, confidence: 0.9312))
        #expect(full == TextWord(text: "30064443", box: box, fontSize: 9.75))
        #expect(TextWord(text: "x", box: box, fontSize: .nan).fontSize == nil)
        let decoded = try JSONDecoder().decode(
            TextWord.self, from: Data(#"{"text":"a","box":{"x":0,"y":0,"width":1,"height":1},"fontSize":null}"#.utf8)
        )
        #expect(decoded.fontSize == nil)
        #expect(MemoryLayout<TextWord>.stride == 64)
    }

    @Test func cellKeepsItsGridAndEncoding() throws {
        let box = BoundingBox(x: 40, y: 100, width: 120, height: 12)
        var cell = TableCell(row: 3, column: 1, columnSpan: 2, text: "Sensor calibration batch 1", box: box)
        #expect(cell.row == 3 && cell.column == 1 && cell.rowSpan == 1 && cell.columnSpan == 2)
        let plain = PlainCell(
            row: 3, column: 1, rowSpan: 1, columnSpan: 2, text: "Sensor calibration batch 1", box: box
        )
        #expect(try Self.json(cell) == Self.json(plain))
        let decoded = try JSONDecoder().decode(TableCell.self, from: Data(try Self.json(cell).utf8))
        #expect(decoded == cell)
        #expect(decoded.hashValue == cell.hashValue)
        cell.rowSpan = 4
        #expect(cell.rowSpan == 4 && cell != decoded)
        #expect(TableCell(row: Int.max, column: 0, text: "", box: box).row == Int(Int32.max))
        #expect(MemoryLayout<TableCell>.stride == 64)
    }

    @Test func lineKeepsItsWordsBoxAndEncoding() throws {
        func box(_ x: Double, _ y: Double, _ width: Double, _ height: Double) -> BoundingBox {
            BoundingBox(x: x, y: y, width: width, height: height)
        }
        // A text-layer line (shared top, height and font size), an OCR line (every number differs), words with
        // spaces and non-ASCII letters, a given box, a negative width as only a decoded box has, and no words.
        var negative = box(5, 6, 7, 8)
        negative.width = -0.5
        let lines: [(words: [TextWord], box: BoundingBox?)] = [
            ([TextWord(text: "Item", box: box(40, 79.384, 23.33999999999999, 11.099999999999994), fontSize: 12),
              TextWord(text: "1-1", box: box(66.67599999999999, 79.384, 17.3, 11.099999999999994), fontSize: 12),
              TextWord(text: "3.50", box: box(120, 79.384, 20, 11.099999999999994), fontSize: 12)], nil),
            ([TextWord(text: "Rechnungsnr.", box: box(10, 20, 30, 9), confidence: 0.91),
              TextWord(text: "Größe über", box: box(45, 20.5, 30, 9.5), confidence: 0.5),
              TextWord(text: "€", box: box(80, 19.75, 6, 10)),
              TextWord(text: "", box: box(90, 20, 0, 10), fontSize: 9)], nil),
            ([TextWord(text: "Total", box: box(1, 2, 3, 4))], box(0, 0, 100, 10)),
            ([TextWord(text: "x", box: negative)], nil),
            ([], nil),
            ([], box(3, 4, 5, 6)),
        ]
        for (words, given) in lines {
            let line = TextLine(words: words, box: given)
            let expectedBox = given ?? BoundingBox.enclosing(words.map(\.box)) ?? box(0, 0, 0, 0)
            #expect(line.words == words)
            #expect(line.wordCount == words.count)
            #expect(line.box == expectedBox)
            #expect(line.text == words.map(\.text).joined(separator: " "))
            for (index, word) in words.enumerated() {
                #expect(line.word(at: index) == word && line.wordText(at: index) == word.text)
                #expect(line.word(at: index).box.width.bitPattern == word.box.width.bitPattern)
            }
            let json = try Self.json(line)
            #expect(try Self.json(PlainLine(words: words, box: expectedBox)) == json)
            let decoded = try JSONDecoder().decode(TextLine.self, from: Data(json.utf8))
            #expect(decoded == line && decoded.hashValue == line.hashValue)
            #expect(try Self.json(decoded) == json)
        }
        var line = TextLine(words: lines[0].words)
        let before = line.box
        line.words.append(TextWord(text: "EUR", box: box(150, 79.384, 20, 11.099999999999994), fontSize: 12))
        #expect(line.wordCount == 4 && line.box == before && line.text == "Item 1-1 3.50 EUR")
        line.box = box(0, 0, 1, 1)
        #expect(line.box == box(0, 0, 1, 1) && line.words.count == 4)
        #expect(line != TextLine(words: line.words))
        #expect(TextLine(words: lines[1].words) != TextLine(words: lines[0].words))
    }
}
