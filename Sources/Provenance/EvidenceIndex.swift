import ExtractCore
import Foundation
import JSONCore

/// The words of a document, indexed once so that many values can be looked up quickly.
///
/// Each page's text layer and OCR are kept apart (a ``Stream`` each). Per stream the index holds the words in
/// reading order with normalised keys, a key → positions table (the letters and digits for values printed
/// with other spacing, `NL47 NVIB 0417 …`, are rebuilt per lookup rather than kept), and the numbers and dates that short word runs
/// parse to, so `1230.00` finds `1,230.00` and `2024-03-14` finds `14 March 2024`. Building it is linear
/// in the number of words; share one index between ``EvidenceLocator`` and ``CandidateFinder``.
public struct EvidenceIndex: Sendable {
    /// One word with its place in the stream.
    public struct Word: Sendable, Hashable {
        /// The word as printed.
        public var text: String
        /// Lower-cased, without surrounding punctuation (may be empty for punctuation-only words).
        public var key: String
        /// The word's box.
        public var box: BoundingBox
        /// OCR confidence 0…1, when the source gives one.
        public var confidence: Double?
        /// Font size in points, when the source knows it (the text layer).
        public var fontSize: Double?
        /// Index of the line in the page text.
        public var line: Int
    }

    /// A run of consecutive words in one stream.
    ///
    /// Stored as three 32-bit integers (12 bytes rather than 24: the index keeps a span for every number and date
    /// printed, tens of thousands on a 200-page statement).
    public struct Span: Sendable, Hashable {
        private var storedStream: Int32
        private var storedStart: Int32
        private var storedEnd: Int32

        /// Index of the stream in ``EvidenceIndex/streams``.
        public var stream: Int {
            get { Int(storedStream) }
            set { storedStream = Int32(newValue) }
        }

        /// First word index.
        public var start: Int {
            get { Int(storedStart) }
            set { storedStart = Int32(newValue) }
        }

        /// One past the last word index.
        public var end: Int {
            get { Int(storedEnd) }
            set { storedEnd = Int32(newValue) }
        }

        /// A span of `stream`'s words `start..<end`.
        public init(stream: Int, start: Int, end: Int) {
            storedStream = Int32(stream)
            storedStart = Int32(start)
            storedEnd = Int32(end)
        }
    }

    /// The words of one stream in reading order, read from the page text they come from.
    ///
    /// The index keeps no copy of the words: each ``Word`` is put together when it is read, from the page's
    /// lines (shared with the evidence, not copied), its key and its line (found from the lines' first words).
    /// A copied word took 104 bytes; this takes 1, 5 with ``Stream``'s key order (the index of a
    /// 200-page statement was 10.6 of its 24.7 MB peak heap, 6.9 MB of it copied words). A key is not kept
    /// either: it is the word's lower-cased text with a few characters dropped at either end, and only how many
    /// is kept (one byte; a key that is no such cut of its text, which no word of the corpora has, is kept whole).
    public struct Words: RandomAccessCollection, Sendable {
        /// The page text's lines.
        let lines: [TextLine]
        /// For each line: its first word's position.
        let lineStarts: [Int32]
        /// How many words the stream holds.
        let wordCount: Int
        /// For each word: how its key is cut from its lower-cased text (see ``KeyCut``).
        let keyCuts: [KeyCut]
        /// The keys of the words whose cut is ``KeyCut/whole``, by position.
        let wholeKeys: [Int32: String]

        public var startIndex: Int { 0 }
        public var endIndex: Int { wordCount }

        /// The line of the word at `position`: the last line starting at or before it (an empty line starts where
        /// the next one does, so it is never the last). Searched, not stored: 4 bytes a word were 0.3 MB of a
        /// 200-page statement's index.
        func line(of position: Int) -> Int {
            var low = 0
            var high = lineStarts.count
            while low < high {
                let middle = (low + high) / 2
                if Int(lineStarts[middle]) <= position { low = middle + 1 } else { high = middle }
            }
            return low - 1
        }

        public subscript(position: Int) -> Word {
            let line = line(of: position)
            let word = lines[line].word(at: position - Int(lineStarts[line]))
            return Word(text: word.text, key: key(at: position, text: word.text), box: word.box,
                        confidence: word.confidence, fontSize: word.fontSize, line: line)
        }

        /// The key of the word at `position`, without reading the rest of the word.
        func key(at position: Int) -> String {
            key(at: position, text: text(at: position))
        }

        private func key(at position: Int, text: String) -> String {
            let cut = keyCuts[position]
            guard cut != .whole else { return wholeKeys[Int32(position)]! }
            let lower = text.lowercased()
            return cut == .none ? lower : String(lower.dropFirst(cut.leading).dropLast(cut.trailing))
        }

        /// The text of the word at `position`.
        func text(at position: Int) -> String {
            let line = line(of: position)
            return lines[line].wordText(at: position - Int(lineStarts[line]))
        }
    }

    /// How a word's key is cut from its lower-cased text: up to 15 leading and 14 trailing characters dropped, or
    /// not at all (the key is kept whole).
    struct KeyCut: Sendable, Hashable {
        let rawValue: UInt8

        /// Nothing dropped: the key is the lower-cased text.
        static let none = KeyCut(rawValue: 0)
        /// The key is no cut of the text: it is kept whole.
        static let whole = KeyCut(rawValue: 255)

        private init(rawValue: UInt8) {
            self.rawValue = rawValue
        }

        /// The characters dropped at the start.
        var leading: Int { Int(rawValue >> 4) }
        /// The characters dropped at the end.
        var trailing: Int { Int(rawValue & 15) }

        /// The cut that gives `key` from `text` (`key` is ``EvidenceIndex/key(_:)`` of `text`), or ``whole``.
        init(text: String, key: String) {
            let lower = text.lowercased()
            if lower == key {
                self = .none
                return
            }
            let characters = Array(lower)
            let length = key.count
            var found = KeyCut.whole
            if length <= characters.count {
                for leading in 0...min(15, characters.count - length) {
                    let trailing = characters.count - length - leading
                    guard trailing <= 14 else { continue }
                    let cut = KeyCut(rawValue: UInt8(leading << 4 | trailing))
                    // Checked the way the key will be read back.
                    if String(lower.dropFirst(cut.leading).dropLast(cut.trailing)) == key {
                        found = cut
                        break
                    }
                }
            }
            self = found
        }
    }

    /// The words one source read on one page.
    public struct Stream: Sendable {
        /// 1-based page number.
        public var page: Int
        /// Text layer or OCR.
        public var source: TextSource
        /// Whether the source read only parts of the page (OCR of its large images, see ``PageText/regions``).
        public var isPartial: Bool
        /// Words in reading order.
        public var words: Words
        /// Lines in reading order, as word ranges.
        public var lines: [Range<Int>]
        /// The positions of the words with a key, ordered by key and then position: the key → positions table
        /// as one array (a dictionary of arrays took 2.8 MB on a 200-page statement, this 0.3 MB).
        let keyOrder: [Int32]

        /// The positions of the words whose key is `key`, in order.
        func positions(of key: String) -> [Int] {
            var low = 0
            var high = keyOrder.count
            while low < high {
                let middle = (low + high) / 2
                if words.key(at: Int(keyOrder[middle])) < key { low = middle + 1 } else { high = middle }
            }
            var result: [Int] = []
            while low < keyOrder.count, words.key(at: Int(keyOrder[low])) == key {
                result.append(Int(keyOrder[low]))
                low += 1
            }
            return result
        }

        /// The stream's lower-cased letters and digits, for compact matching. Built on demand and not kept:
        /// it is only needed when a value is not printed word for word, and kept for every stream it was the
        /// largest part of the index (measured: 17 of 25 MB on a 200-page statement).
        func compactText() -> CompactText {
            var text = CompactText()
            text.characters.reserveCapacity(words.count * 6)
            for (index, word) in words.enumerated() {
                var previousClass = 0
                var sawGap = true
                for character in word.text.lowercased() {
                    let characterClass = character.isNumber ? 1 : (character.isLetter ? 2 : 0)
                    guard characterClass != 0 else {
                        sawGap = true
                        continue
                    }
                    text.characters.append(character)
                    text.words.append(Int32(index))
                    text.breakBefore.append(sawGap || characterClass != previousClass)
                    previousClass = characterClass
                    sawGap = false
                }
            }
            return text
        }
    }

    /// A stream's letters and digits, lower-cased, with the word each belongs to.
    struct CompactText {
        /// Lower-cased letters and digits of all words.
        var characters: [Character] = []
        /// For each character: the word it belongs to.
        var words: [Int32] = []
        /// For each character: whether a token boundary comes before it.
        var breakBefore: [Bool] = []
    }

    /// All streams: for each page, the text layer (when present) then OCR (when present).
    public let streams: [Stream]
    /// Numbers printed in one to three words → where.
    let numbers: [JSONNumber: [Span]]
    /// Dates printed in one to five words, as `YYYY-MM-DD` → where (both readings of ambiguous numeric dates).
    let dates: [String: [Span]]
    /// The normaliser used for numbers and dates.
    public let normalizer: ValueNormalizer

    /// Indexes `evidence`.
    public init(evidence: DocumentEvidence, normalizer: ValueNormalizer = ValueNormalizer()) {
        self.normalizer = normalizer
        let alternate = ValueNormalizer(dateOrder: normalizer.dateOrder == .dayFirst ? .monthFirst : .dayFirst)
        var streams: [Stream] = []
        var numbers: [JSONNumber: [Span]] = [:]
        var dates: [String: [Span]] = [:]
        for page in evidence.pages {
            for text in [page.textLayer, page.ocr].compactMap({ $0 }) where !text.lines.isEmpty {
                let stream = Self.makeStream(page: page.number, text: text)
                let streamIndex = streams.count
                streams.append(stream)
                let words = stream.words
                // Runs holding a word that no number or date can contain are not parsed (same result, a fraction
                // of the time: parsing every run was 80 % of synthesis's CPU time on a 200-page statement).
                let numberWords = words.map { ValueNormalizer.mayBeInNumber($0.text) }
                let dateWords = words.map { ValueNormalizer.mayBeInDate($0.text) }
                for start in words.indices where words[start].text.contains(where: \.isNumber) {
                    let sameLine = { (end: Int) in end <= words.count && words[end - 1].line == words[start].line }
                    for length in 1...3 where sameLine(start + length) {
                        guard numberWords[start + length - 1] else { break }
                        let text = words[start..<(start + length)].map(\.text).joined(separator: " ")
                        if let number = normalizer.number(text) {
                            numbers[number, default: []].append(Span(stream: streamIndex, start: start,
                                                                     end: start + length))
                        }
                    }
                }
                for start in words.indices where dateWords[start] {
                    for length in 1...5 where start + length <= words.count {
                        guard dateWords[start + length - 1] else { break }
                        let run = words[start..<(start + length)]
                        guard run.last!.line == words[start].line,
                            run.contains(where: { $0.text.contains(where: \.isNumber) }) else { continue }
                        let text = run.map(\.text).joined(separator: " ")
                        var found: Set<String> = []
                        if let iso = normalizer.date(text) { found.insert(iso) }
                        if let iso = alternate.date(text) { found.insert(iso) }
                        for iso in found {
                            dates[iso, default: []].append(Span(stream: streamIndex, start: start, end: start + length))
                        }
                    }
                }
            }
        }
        self.streams = streams
        // Exact sizes: grown by appending, the span lists held up to twice what they needed.
        self.numbers = numbers.mapValues(Self.exactlySized)
        self.dates = dates.mapValues(Self.exactlySized)
    }

    /// `spans` in an array of exactly their count.
    private static func exactlySized(_ spans: [Span]) -> [Span] {
        var sized: [Span] = []
        sized.reserveCapacity(spans.count)
        sized.append(contentsOf: spans)
        return sized
    }

    private static func makeStream(page: Int, text: PageText) -> Stream {
        let count = text.lines.reduce(0) { $0 + $1.wordCount }
        var keys: [String] = []
        var lineStarts: [Int32] = []
        var lines: [Range<Int>] = []
        // Exact sizes: grown by appending, these arrays held up to twice what they needed.
        keys.reserveCapacity(count)
        lineStarts.reserveCapacity(text.lines.count)
        lines.reserveCapacity(text.lines.count)
        for line in text.lines {
            let start = keys.count
            lineStarts.append(Int32(start))
            for word in line.words {
                keys.append(key(word.text))
            }
            lines.append(start..<keys.count)
        }
        // Stable: equal keys keep their word order, as the positions table they replace did.
        var keyOrder = keys.indices.filter { !keys[$0].isEmpty }.map { Int32($0) }
        keyOrder.sort { left, right in
            let a = keys[Int(left)]
            let b = keys[Int(right)]
            return a != b ? a < b : left < right
        }
        var keyCuts: [KeyCut] = []
        keyCuts.reserveCapacity(count)
        var wholeKeys: [Int32: String] = [:]
        for line in text.lines {
            for word in line.words {
                let position = keyCuts.count
                let cut = KeyCut(text: word.text, key: keys[position])
                if cut == .whole { wholeKeys[Int32(position)] = keys[position] }
                keyCuts.append(cut)
            }
        }
        let words = Words(lines: text.lines, lineStarts: lineStarts, wordCount: count, keyCuts: keyCuts,
                          wholeKeys: wholeKeys)
        return Stream(page: page, source: text.source, isPartial: text.regions != nil, words: words, lines: lines,
                      keyOrder: keyOrder)
    }

    /// The lookup key of a word: lower-cased, without leading and trailing punctuation and symbols.
    public static func key(_ text: String) -> String {
        text.lowercased().trimmingCharacters(in: Self.edgeCharacters)
    }

    /// Splits a value into word keys the way the index does (white space separates words).
    public static func keys(of text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map { key(String($0)) }.filter { !$0.isEmpty }
    }

    /// Lower-cased letters and digits of `text`.
    static func compactCharacters(_ text: String) -> [Character] {
        text.lowercased().filter { $0.isLetter || $0.isNumber }.map { $0 }
    }

    static let edgeCharacters = CharacterSet.punctuationCharacters.union(.symbols).union(.whitespaces)

    // MARK: - Lookups

    /// Spans whose word keys equal `keys` in order (within one stream, across line ends).
    func exactSpans(keys: [String]) -> [Span] {
        guard let first = keys.first else { return [] }
        var result: [Span] = []
        for (streamIndex, stream) in streams.enumerated() {
            for start in stream.positions(of: first) {
                var position = start
                var matched = 0
                while matched < keys.count, position < stream.words.count {
                    let key = stream.words.key(at: position)
                    if key.isEmpty, matched > 0 {
                        position += 1
                        continue
                    }
                    guard key == keys[matched] else { break }
                    matched += 1
                    position += 1
                }
                if matched == keys.count { result.append(Span(stream: streamIndex, start: start, end: position)) }
            }
        }
        return result
    }

    /// Spans whose letters and digits equal those of `text`, starting and ending on token boundaries.
    func compactSpans(_ text: String) -> [Span] {
        let needle = Self.compactCharacters(text)
        guard needle.count >= 3 else { return [] }
        var result: [Span] = []
        for (streamIndex, stream) in streams.enumerated() {
            let compact = stream.compactText()
            let haystack = compact.characters
            guard haystack.count >= needle.count else { continue }
            var start = 0
            let last = haystack.count - needle.count
            while start <= last {
                if haystack[start] == needle[0], compact.breakBefore[start] {
                    var offset = 1
                    while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                    let end = start + needle.count
                    if offset == needle.count, end == haystack.count || compact.breakBefore[end] {
                        result.append(Span(stream: streamIndex, start: Int(compact.words[start]),
                                           end: Int(compact.words[end - 1]) + 1))
                        start = end
                        continue
                    }
                }
                start += 1
            }
        }
        return result
    }

    /// Spans that print `number` (in any locale format).
    func numberSpans(_ number: JSONNumber) -> [Span] {
        Self.shortestFirst(numbers[number] ?? [])
    }

    /// Spans that print the date `iso` (`YYYY-MM-DD`).
    func dateSpans(_ iso: String) -> [Span] {
        Self.shortestFirst(dates[iso] ?? [])
    }

    /// Drops spans that contain a shorter span of the same list.
    private static func shortestFirst(_ spans: [Span]) -> [Span] {
        spans.filter { span in
            !spans.contains { other in
                other != span && other.stream == span.stream && other.start >= span.start && other.end <= span.end
            }
        }
    }

    /// The words of a span.
    public func words(of span: Span) -> Slice<Words> {
        streams[span.stream].words[span.start..<span.end]
    }

    /// The text of a span (words joined by spaces).
    public func text(of span: Span) -> String {
        words(of: span).map(\.text).joined(separator: " ")
    }

    /// The union of a span's word boxes.
    public func box(of span: Span) -> BoundingBox {
        BoundingBox.enclosing(words(of: span).map(\.box)) ?? BoundingBox(x: 0, y: 0, width: 0, height: 0)
    }
}
