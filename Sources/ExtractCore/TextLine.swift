/// A line of words in reading order.
///
/// Stored compactly rather than as an array of ``TextWord`` (64 bytes a word, and an array per line: the words
/// were 4.6 of the 8.8 MB peak heap of a 200-page statement, most of what it held beyond a 20-page one). One
/// array of 64-bit numbers per line holds everything: where each word ends in ``text`` (the words' texts joined
/// by single spaces), each word's left edge and width, its top, height, font size and confidence, each kept once
/// when all the line's words have the same one (the words of a text-layer line share their top, height and font
/// size, and have no confidence), the line's box only when it is not its words' enclosing box, and last the
/// UTF-8 bytes of ``text``. Numbers are kept bit for bit: a line reads, compares, hashes and encodes exactly as
/// the plain struct it was. Reading ``words`` or ``text`` puts them together; ``wordCount``, ``word(at:)`` and
/// ``wordText(at:)`` read one part.
public struct TextLine: Sendable, Hashable, Codable {
    /// See ``Layout``: a header, the box when kept, the word ends, the words' numbers, then the text's bytes.
    private var packed: [UInt64]

    /// Where things are in ``packed``.
    private struct Layout {
        /// Header bits 32…: which of a word's numbers the line's words share, and whether the box is kept.
        static let sharedY: UInt64 = 1 << 32
        static let sharedHeight: UInt64 = 1 << 33
        static let sharedFontSize: UInt64 = 1 << 34
        static let sharedConfidence: UInt64 = 1 << 35
        static let keptBox: UInt64 = 1 << 36

        let count: Int
        let header: UInt64
        /// First index of the word ends (two 32-bit ends per element).
        let ends: Int
        /// First index of the words' left edges and widths, interleaved.
        let horizontal: Int
        let y: Int
        let height: Int
        let fontSize: Int
        let confidence: Int

        init(header: UInt64) {
            self.header = header
            count = Int(truncatingIfNeeded: header & 0xFFFF_FFFF)
            ends = header & Self.keptBox != 0 ? 5 : 1
            horizontal = ends + (count + 1) / 2
            y = horizontal + 2 * count
            height = y + (header & Self.sharedY != 0 ? 1 : count)
            fontSize = height + (header & Self.sharedHeight != 0 ? 1 : count)
            confidence = fontSize + (header & Self.sharedFontSize != 0 ? 1 : count)
        }

        /// First index of the text's UTF-8 bytes (eight per element).
        var text: Int { confidence + (header & Self.sharedConfidence != 0 ? 1 : count) }

        /// The element holding word `index`'s value of a number whose block starts at `start`.
        func element(_ start: Int, shared flag: UInt64, word index: Int) -> Int {
            header & flag != 0 ? start : start + index
        }
    }

    /// Creates a line; its box is the union of its words' boxes unless given.
    public init(words: [TextWord], box: BoundingBox? = nil) {
        var joined = words.map(\.text).joined(separator: " ")
        let enclosing = Self.enclosing(words)
        let box = box ?? enclosing ?? BoundingBox(x: 0, y: 0, width: 0, height: 0)
        let count = words.count
        var header = UInt64(count)
        func shares(_ value: (TextWord) -> Double) -> Bool {
            guard let first = words.first.map(value)?.bitPattern else { return true }
            return words.allSatisfy { value($0).bitPattern == first }
        }
        if shares({ $0.box.y }) { header |= Layout.sharedY }
        if shares({ $0.box.height }) { header |= Layout.sharedHeight }
        if shares({ $0.fontSize ?? .nan }) { header |= Layout.sharedFontSize }
        if shares({ $0.confidence ?? .nan }) { header |= Layout.sharedConfidence }
        if enclosing.map({ !Self.sameBits($0, box) }) ?? true { header |= Layout.keptBox }
        let layout = Layout(header: header)
        let bytes = joined.utf8.count
        var packed = [UInt64](repeating: 0, count: layout.text + (bytes + 7) / 8)
        packed[0] = header
        if header & Layout.keptBox != 0 {
            packed[1] = box.x.bitPattern
            packed[2] = box.y.bitPattern
            packed[3] = box.width.bitPattern
            packed[4] = box.height.bitPattern
        }
        var offset = 0
        for (index, word) in words.enumerated() {
            offset += (index == 0 ? 0 : 1) + word.text.utf8.count
            packed[layout.ends + index / 2] |= UInt64(UInt32(offset)) << (32 * UInt64(index % 2))
            packed[layout.horizontal + 2 * index] = word.box.x.bitPattern
            packed[layout.horizontal + 2 * index + 1] = word.box.width.bitPattern
            packed[layout.element(layout.y, shared: Layout.sharedY, word: index)] = word.box.y.bitPattern
            packed[layout.element(layout.height, shared: Layout.sharedHeight, word: index)] =
                word.box.height.bitPattern
            packed[layout.element(layout.fontSize, shared: Layout.sharedFontSize, word: index)] =
                (word.fontSize ?? .nan).bitPattern
            packed[layout.element(layout.confidence, shared: Layout.sharedConfidence, word: index)] =
                (word.confidence ?? .nan).bitPattern
        }
        joined.withUTF8 { utf8 in
            packed.withUnsafeMutableBytes { raw in
                UnsafeMutableRawBufferPointer(rebasing: raw[(8 * layout.text)...])
                    .copyMemory(from: UnsafeRawBufferPointer(utf8))
            }
        }
        self.packed = packed
    }

    /// Words from left to right.
    public var words: [TextWord] {
        get { (0..<wordCount).map(word(at:)) }
        set { self = TextLine(words: newValue, box: box) }
    }

    /// The box enclosing the words.
    public var box: BoundingBox {
        get {
            let layout = Layout(header: packed[0])
            if layout.header & Layout.keptBox != 0 {
                return Self.box(x: packed[1], y: packed[2], width: packed[3], height: packed[4])
            }
            var box = wordBox(at: 0, layout)
            for index in 1..<layout.count { box = box.union(wordBox(at: index, layout)) }
            return box
        }
        set { self = TextLine(words: words, box: newValue) }
    }

    /// The number of words (``words``'s count, without putting the words together).
    public var wordCount: Int { Int(truncatingIfNeeded: packed[0] & 0xFFFF_FFFF) }

    /// The word at `index` (``words``'s element, without putting the other words together).
    public func word(at index: Int) -> TextWord {
        let layout = Layout(header: packed[0])
        var word = TextWord(text: wordText(at: index), box: wordBox(at: index, layout))
        word.fontSize = Double(bitPattern: packed[layout.element(
            layout.fontSize, shared: Layout.sharedFontSize, word: index
        )])
        word.confidence = Double(bitPattern: packed[layout.element(
            layout.confidence, shared: Layout.sharedConfidence, word: index
        )])
        return word
    }

    /// The text of the word at `index`.
    public func wordText(at index: Int) -> String {
        let layout = Layout(header: packed[0])
        precondition(index >= 0 && index < layout.count, "word index out of range")
        return string(from: index == 0 ? 0 : end(of: index - 1, layout) + 1, to: end(of: index, layout), layout)
    }

    /// The words joined by single spaces.
    public var text: String {
        let layout = Layout(header: packed[0])
        return layout.count == 0 ? "" : string(from: 0, to: end(of: layout.count - 1, layout), layout)
    }

    /// Mean word confidence, when the words carry confidences.
    public var meanConfidence: Double? {
        let values = words.compactMap(\.confidence)
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The text's UTF-8 bytes `first..<last`, as a string.
    private func string(from first: Int, to last: Int, _ layout: Layout) -> String {
        packed.withUnsafeBytes { raw in
            let start = 8 * layout.text
            return String(decoding: UnsafeRawBufferPointer(rebasing: raw[(start + first)..<(start + last)]),
                          as: UTF8.self)
        }
    }

    /// One past the last UTF-8 byte of word `index` in ``text``.
    private func end(of index: Int, _ layout: Layout) -> Int {
        let element = packed[layout.ends + index / 2]
        return Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: element >> (32 * UInt64(index % 2))))
    }

    private func wordBox(at index: Int, _ layout: Layout) -> BoundingBox {
        Self.box(
            x: packed[layout.horizontal + 2 * index],
            y: packed[layout.element(layout.y, shared: Layout.sharedY, word: index)],
            width: packed[layout.horizontal + 2 * index + 1],
            height: packed[layout.element(layout.height, shared: Layout.sharedHeight, word: index)]
        )
    }

    /// A box with exactly these numbers (``BoundingBox/init(x:y:width:height:)`` would clamp a negative size,
    /// which a decoded box may have).
    private static func box(x: UInt64, y: UInt64, width: UInt64, height: UInt64) -> BoundingBox {
        var box = BoundingBox(x: 0, y: 0, width: 0, height: 0)
        box.x = Double(bitPattern: x)
        box.y = Double(bitPattern: y)
        box.width = Double(bitPattern: width)
        box.height = Double(bitPattern: height)
        return box
    }

    /// The union of the words' boxes, in order, as ``box`` recomputes it.
    private static func enclosing(_ words: [TextWord]) -> BoundingBox? {
        BoundingBox.enclosing(words.map(\.box))
    }

    private static func sameBits(_ left: BoundingBox, _ right: BoundingBox) -> Bool {
        left.x.bitPattern == right.x.bitPattern && left.y.bitPattern == right.y.bitPattern
            && left.width.bitPattern == right.width.bitPattern && left.height.bitPattern == right.height.bitPattern
    }

    private enum CodingKeys: String, CodingKey {
        case words, box
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let words = try container.decode([TextWord].self, forKey: .words)
        self.init(words: words, box: try container.decode(BoundingBox.self, forKey: .box))
    }

    /// The same keys, in the same order, as the synthesized encoding this replaces (cached evidence stays valid).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(words, forKey: .words)
        try container.encode(box, forKey: .box)
    }

    public static func == (left: TextLine, right: TextLine) -> Bool {
        let count = left.wordCount
        guard count == right.wordCount, left.box == right.box else { return false }
        return (0..<count).allSatisfy { left.word(at: $0) == right.word(at: $0) }
    }

    /// As the synthesized hash of the plain struct: the words as an array, then the box.
    public func hash(into hasher: inout Hasher) {
        let count = wordCount
        hasher.combine(count)
        for index in 0..<count { hasher.combine(word(at: index)) }
        hasher.combine(box)
    }
}
