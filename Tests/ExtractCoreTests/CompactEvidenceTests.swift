import ExtractCore
import Foundation
import Testing

/// Words and table cells are stored compactly, but read, compare and encode as the plain structs they were.
@Suite struct CompactEvidenceTests {
    /// The structs as they were declared before, with synthesized encodings.
    struct PlainWord: Codable {
        var text: String
        var box: BoundingBox
        var fontSize: Double?
        var confidence: Double?
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
}
