import ExtractCore
import Foundation

/// Printed labels (`Invoice number:`, `Due date`, `Total due (EUR)`) found in an ``EvidenceIndex``.
///
/// Words are split into letter/digit runs (plus `#` and `%`), folded to lower case without accents, and
/// matched against a phrase lexicon. Where phrases overlap on a line the longest wins, so `Due date` is a
/// due-date label and not a date label, and `Factuur datum` is a date label and not an invoice-number label.
struct LabelIndex: Sendable {
    /// One label occurrence.
    struct Hit: Sendable, Hashable {
        var stream: Int
        /// First and last word of the label in the stream.
        var firstWord: Int
        var lastWord: Int
        /// When the label ends inside its last word (`n°562044387`): the rest of that word.
        var remainder: String?
        /// The phrase as in the lexicon.
        var phrase: String
        /// Number of tokens in the phrase.
        var length: Int
        /// Whether the label is followed by a colon (a strong sign that a value follows).
        var hasColon: Bool
        /// The label words' box.
        var box: BoundingBox
    }

    /// A folded token of a word, with where it ends in the word's characters.
    struct Token: Sendable, Hashable {
        var text: String
        var word: Int
        var isWordStart: Bool
        var endOffset: Int
        var isWordEnd: Bool
    }

    /// All hits per stream, in word order.
    private(set) var hits: [[Hit]]
    /// Hits by phrase.
    private(set) var byPhrase: [String: [Hit]]
    /// For each stream: word index → the hit that starts there.
    private(set) var startingAt: [[Int: Hit]]

    /// Finds all occurrences of `phrases` in `index`.
    init(index: EvidenceIndex, phrases: Set<String>) {
        var lexicon: [String: [[String]]] = [:]
        for phrase in phrases {
            let tokens = Self.tokens(ofPhrase: phrase)
            guard let first = tokens.first else { continue }
            lexicon[first, default: []].append(tokens)
        }
        var hits: [[Hit]] = []
        var byPhrase: [String: [Hit]] = [:]
        var startingAt: [[Int: Hit]] = []
        for (streamIndex, stream) in index.streams.enumerated() {
            var streamHits: [Hit] = []
            for line in stream.lines {
                let tokens = line.flatMap { Self.tokens(ofWord: stream.words[$0].text, word: $0) }
                var found: [(start: Int, tokens: [String])] = []
                for start in tokens.indices where tokens[start].isWordStart {
                    for phrase in lexicon[tokens[start].text] ?? [] where start + phrase.count <= tokens.count {
                        if zip(phrase, tokens[start..<(start + phrase.count)]).allSatisfy({ $0 == $1.text }) {
                            found.append((start, phrase))
                        }
                    }
                }
                found.sort { left, right in
                    left.tokens.count != right.tokens.count ? left.tokens.count > right.tokens.count
                        : left.start < right.start
                }
                var used = Set<Int>()
                for (start, phrase) in found {
                    let range = start..<(start + phrase.count)
                    guard !range.contains(where: used.contains) else { continue }
                    let last = tokens[range.upperBound - 1]
                    var remainder: String?
                    if !last.isWordEnd {
                        let text = stream.words[last.word].text
                        let rest = String(text.dropFirst(last.endOffset))
                        let trimmed = rest.drop { !$0.isLetter && !$0.isNumber }
                        guard let separator = rest.first, "°º:.#/".contains(separator) else { continue }
                        remainder = trimmed.isEmpty ? nil : String(trimmed)
                    }
                    used.formUnion(range)
                    let firstWord = tokens[start].word
                    let lastText = stream.words[last.word].text
                    let nextWord = last.word + 1 < stream.words.count ? stream.words[last.word + 1].text : ""
                    let hasColon = (remainder == nil && lastText.hasSuffix(":")) || nextWord == ":"
                        || (last.isWordEnd == false && stream.words[last.word].text.contains(":"))
                    let box = BoundingBox.enclosing(stream.words[firstWord...last.word].map(\.box))!
                    let hit = Hit(stream: streamIndex, firstWord: firstWord, lastWord: last.word, remainder: remainder,
                                  phrase: phrase.joined(separator: " "), length: phrase.count, hasColon: hasColon,
                                  box: box)
                    streamHits.append(hit)
                }
            }
            streamHits.sort { $0.firstWord < $1.firstWord }
            var starts: [Int: Hit] = [:]
            for hit in streamHits {
                byPhrase[hit.phrase, default: []].append(hit)
                if let existing = starts[hit.firstWord], existing.length >= hit.length { continue }
                starts[hit.firstWord] = hit
            }
            hits.append(streamHits)
            startingAt.append(starts)
        }
        self.hits = hits
        self.byPhrase = byPhrase
        self.startingAt = startingAt
    }

    /// Folded tokens of a lexicon phrase.
    static func tokens(ofPhrase phrase: String) -> [String] {
        tokens(ofWord: phrase, word: 0).map(\.text)
    }

    /// Folded tokens of one printed word (letter/digit runs, `#` and `%` alone).
    static func tokens(ofWord text: String, word: Int) -> [Token] {
        var result: [Token] = []
        var current = ""
        var offset = 0
        func flush() {
            guard !current.isEmpty else { return }
            result.append(Token(text: fold(current), word: word, isWordStart: result.isEmpty, endOffset: offset,
                                isWordEnd: false))
            current = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "#" || character == "%" {
                flush()
                result.append(Token(text: String(character), word: word, isWordStart: result.isEmpty,
                                    endOffset: offset + 1, isWordEnd: false))
            } else if character.isWhitespace {
                flush()
                offset += 1
                // A phrase's words: each starts a new "word" for matching purposes.
                continue
            } else {
                flush()
            }
            offset += 1
        }
        flush()
        if !result.isEmpty { result[result.count - 1].isWordEnd = true }
        // Only characters after the last token that are letters make it not end the word.
        if let last = result.last, last.endOffset < text.count {
            let rest = text.dropFirst(last.endOffset)
            if rest.contains(where: { $0.isLetter || $0.isNumber }) { result[result.count - 1].isWordEnd = false }
        }
        return result
    }

    /// Hits of one phrase (as folded tokens joined by spaces).
    func hits(for phrase: String) -> [Hit] {
        byPhrase[phrase] ?? []
    }

    /// All hits of all streams.
    var allHits: [Hit] { hits.flatMap { $0 } }

    /// Label hits starting at each word of a stream.
    func startingAt(stream: Int) -> [Int: Hit] {
        stream < startingAt.count ? startingAt[stream] : [:]
    }

    /// This index without the hits that overlap a longer-or-equal hit of `other` (the shared lexicon wins).
    func dropping(coveredBy other: LabelIndex) -> LabelIndex {
        var copy = self
        for stream in copy.hits.indices {
            let theirs = stream < other.hits.count ? other.hits[stream] : []
            copy.hits[stream].removeAll { mine in
                theirs.contains { hit in
                    hit.firstWord <= mine.lastWord && mine.firstWord <= hit.lastWord && hit.length >= mine.length
                }
            }
        }
        copy.byPhrase = [:]
        for hit in copy.hits.flatMap({ $0 }) { copy.byPhrase[hit.phrase, default: []].append(hit) }
        return copy
    }

    /// Lower case without diacritics.
    static func fold(_ text: String) -> String {
        text.lowercased().folding(options: .diacriticInsensitive, locale: nil)
    }
}
