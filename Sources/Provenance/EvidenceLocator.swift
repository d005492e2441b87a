import ExtractCore
import Foundation
import JSONCore

/// Finds where a leaf value is printed in a document's evidence.
///
/// Matching goes from strict to loose and stops at the first level that finds something:
/// 1. **exact**: the value's words in order (case-insensitive, surrounding punctuation ignored);
/// 2. **normalized**: the same number or date printed another way (`1230.00` ↔ `1,230.00`,
///    `2024-03-14` ↔ `14 March 2024`, the start of `du 1er au 31 Juillet 2015`; a number not printed with its
///    sign may be printed with the other, as deductions and credit notes do), or the same letters and digits
///    with other spacing or separators, or the same words with a legal form or a small count written the
///    other way (`Wynn Resorts Ltd.` ↔ `Wynn Resorts, Limited`, `2 years` ↔ `two years`, see
///    ``WordEquivalents``); for a field whose values come from a ``CodeList`` (currency,
///    country, unit, document type, VAT category), the code printed in another form (`€` for `EUR`, `Stk`
///    after a quantity for `H87`, `Avoir` for `381`) — such a field's code is never matched as a number or
///    fuzzily;
/// 3. **fuzzy**: a run of words whose normalised Levenshtein similarity to the value is at least
///    ``fuzzyThreshold`` (for OCR misreads).
///
/// Text-layer and OCR matches of the same value at the same place are merged into one match with source
/// `both`. The words are indexed once (``EvidenceIndex``), so a 100-page document is fine.
public struct EvidenceLocator: Sendable {
    /// The indexed evidence.
    public let index: EvidenceIndex
    /// The lowest similarity a fuzzy match may have; 0.8 by default.
    public var fuzzyThreshold: Double
    /// Pages that have both a text layer and OCR.
    private let pagesWithBothSources: Set<Int>

    /// Creates a locator over `evidence` (indexing it).
    public init(
        evidence: DocumentEvidence, normalizer: ValueNormalizer = ValueNormalizer(), fuzzyThreshold: Double = 0.8
    ) {
        self.init(index: EvidenceIndex(evidence: evidence, normalizer: normalizer), fuzzyThreshold: fuzzyThreshold)
    }

    /// Creates a locator over an existing index.
    public init(index: EvidenceIndex, fuzzyThreshold: Double = 0.8) {
        self.index = index
        self.fuzzyThreshold = fuzzyThreshold
        // Agreement can be checked only where OCR read the whole page, not just its images.
        var sources: [Int: Set<TextSource>] = [:]
        for stream in index.streams where !stream.isPartial { sources[stream.page, default: []].insert(stream.source) }
        pagesWithBothSources = Set(sources.filter { $0.value.count > 1 }.keys)
    }

    /// The best place `value` is printed, or `nil` when it is found nowhere (or is not a string or number).
    public func locate(_ value: JSONValue, field: SchemaField? = nil) -> EvidenceMatch? {
        matches(for: value, field: field).first
    }

    /// All places `value` is printed at the best matching level, best first (kind, source agreement,
    /// quality, then page order). Empty for `null`, booleans, arrays and objects.
    public func matches(for value: JSONValue, field: SchemaField? = nil) -> [EvidenceMatch] {
        var found: [(EvidenceIndex.Span, EvidenceMatch.Kind, Double)] = []
        switch value {
        case .string(let text):
            let trimmed = index.normalizer.collapse(text)
            guard !trimmed.isEmpty else { return [] }
            found = index.exactSpans(keys: EvidenceIndex.keys(of: trimmed)).map { ($0, .exact, 1.0) }
            // A code of a standard list (`EUR`, `DE`, `H87`, `381`) printed another way: its symbol, name or
            // unit word, never a number or a fuzzy run of letters.
            if let field, let list = CodeList.list(for: field), let code = list.canonicalCode(trimmed) {
                // A one- or two-letter code counts only in capitals: `DE`, not the French word `de`.
                if code.count <= 2, code.contains(where: \.isLetter) {
                    found.removeAll { entry in
                        !index.words(of: entry.0).contains {
                            $0.text.trimmingCharacters(in: .punctuationCharacters) == code
                        }
                    }
                }
                if found.isEmpty { found = index.codeSpans(code, list: list).map { ($0, .normalized, 0.95) } }
                // A country printed only as the prefix of a VAT number issued there (`DE` of `DE123456789`).
                if found.isEmpty, list == .country {
                    found = index.vatNumberSpans(country: code).map { ($0, .normalized, 0.8) }
                }
                return merge(found)
            }
            if found.isEmpty { found = normalizedSpans(forString: trimmed, field: field) }
            if found.isEmpty { found = fuzzySpans(trimmed) }
        case .number(let number):
            found = index.exactSpans(keys: [number.description]).map { ($0, .exact, 1.0) }
            found += index.numberSpans(number).filter { span in
                !found.contains { $0.0.stream == span.stream && $0.0.start == span.start }
            }.map { span in
                let exact = index.words(of: span).count == 1 && index.text(of: span) == number.description
                return (span, exact ? .exact : .normalized, exact ? 1.0 : 0.95)
            }
            if found.contains(where: { $0.1 == .exact }) { found.removeAll { $0.1 != .exact } }
            // A deduction or a credit note's total printed with the other sign (`Erhaltene Anzahlungen -50,00`
            // for a prepaid amount of 50, `Total TTC -233,47 €` on an "Avoir").
            if found.isEmpty, number.signum != 0, let flipped = Self.negated(number) {
                found = index.numberSpans(flipped).map { ($0, .normalized, 0.9) }
            }
        default:
            return []
        }
        return merge(found)
    }

    /// Number, date and compact (spacing-insensitive) matches for a string value.
    private func normalizedSpans(
        forString text: String, field: SchemaField?
    ) -> [(EvidenceIndex.Span, EvidenceMatch.Kind, Double)] {
        var spans: [EvidenceIndex.Span] = []
        let normalizer = index.normalizer
        if field?.wantsDate ?? true, let iso = normalizer.date(text) {
            spans = index.dateSpans(iso)
            if spans.isEmpty { spans = index.dateRangeSpans(iso) }
        }
        if spans.isEmpty, text.contains(where: \.isNumber), text.allSatisfy({ $0.isNumber || ".,-+ %".contains($0) }),
            let number = normalizer.number(text) {
            spans = index.numberSpans(number)
        }
        if spans.isEmpty { spans = index.compactSpans(text) }
        if spans.isEmpty {
            for variant in WordEquivalents.variants(of: EvidenceIndex.keys(of: text)) {
                spans += index.exactSpans(keys: variant)
            }
        }
        return spans.map { ($0, .normalized, 0.95) }
    }

    /// Word runs similar to `text`: anchored on words that share a key with the value, or, for one-word
    /// values, every word of similar length.
    ///
    /// A run may go on over line ends, as a printed address or name does. Words of punctuation only (a `|`
    /// where OCR met the edge of a receipt, a `»` read from a speck) are left out of runs unless the value holds
    /// the same word (`&`): at the start of each line of a three-line address they would otherwise take up the
    /// run's length and lower its similarity, so a well-read address was not found.
    private func fuzzySpans(_ text: String) -> [(EvidenceIndex.Span, EvidenceMatch.Kind, Double)] {
        let target = Self.fold(text)
        let keys = EvidenceIndex.keys(of: text)
        guard target.count >= 3, !keys.isEmpty else { return [] }
        let valueWords = Set(text.split(whereSeparator: \.isWhitespace).map(String.init))
        var result: [(EvidenceIndex.Span, EvidenceMatch.Kind, Double)] = []
        for (streamIndex, stream) in index.streams.enumerated() {
            let words = stream.words
            // The stream's words a run is made of, and each word's place among them (-1: left out).
            let content = words.indices.filter { !words.key(at: $0).isEmpty || valueWords.contains(words.text(at: $0)) }
            var place = [Int](repeating: -1, count: words.count)
            for (slot, position) in content.enumerated() { place[position] = slot }
            var starts: Set<Int> = []
            if keys.count == 1 {
                for (slot, position) in content.enumerated()
                where abs(words.key(at: position).count - keys[0].count) <= max(2, keys[0].count / 3) {
                    starts.insert(slot)
                }
            } else {
                for (offset, key) in keys.enumerated() where key.count >= 2 {
                    for position in stream.positions(of: key) {
                        for shift in -1...1 {
                            let start = place[position] - offset + shift
                            if start >= 0, start < content.count { starts.insert(start) }
                        }
                    }
                }
            }
            var best: [Int: (Int, Double)] = [:]
            for start in starts {
                for length in max(1, keys.count - 1)...(keys.count + 1) where start + length <= content.count {
                    let run = content[start..<(start + length)].map { words.text(at: $0) }
                    let similarity = Self.similarity(target, Self.fold(run.joined(separator: " ")))
                    if similarity >= fuzzyThreshold, similarity > (best[start]?.1 ?? 0) {
                        best[start] = (start + length, similarity)
                    }
                }
            }
            // Keep non-overlapping runs, best first.
            var taken: [Range<Int>] = []
            for (start, (end, similarity)) in best.sorted(by: { $0.value.1 > $1.value.1 }) {
                guard !taken.contains(where: { $0.overlaps(start..<end) }) else { continue }
                taken.append(start..<end)
                let span = EvidenceIndex.Span(stream: streamIndex, start: content[start], end: content[end - 1] + 1)
                result.append((span, .fuzzy, similarity))
            }
        }
        return result
    }

    /// Turns spans into matches, merging text-layer and OCR spans at the same place into `both`.
    private func merge(_ found: [(EvidenceIndex.Span, EvidenceMatch.Kind, Double)]) -> [EvidenceMatch] {
        guard let bestKind = found.map(\.1).min() else { return [] }
        let spans = found.filter { $0.1 == bestKind }
        var matches: [EvidenceMatch] = spans.map { span, kind, quality in
            let stream = index.streams[span.stream]
            let words = index.words(of: span)
            let confidences = words.compactMap(\.confidence)
            return EvidenceMatch(
                page: stream.page,
                box: index.box(of: span),
                source: stream.source == .ocr ? .ocr : .textLayer,
                kind: kind,
                quality: quality,
                text: index.text(of: span),
                ocrConfidence: stream.source == .ocr && !confidences.isEmpty
                    ? confidences.reduce(0, +) / Double(confidences.count) : nil,
                pageHasBothSources: pagesWithBothSources.contains(stream.page)
            )
        }
        var merged: [EvidenceMatch] = []
        var usedOCR: Set<Int> = []
        for match in matches where match.source == .textLayer {
            var result = match
            if let partner = matches.indices.first(where: { other in
                !usedOCR.contains(other) && matches[other].source == .ocr && matches[other].page == match.page
                    && Self.samePlace(matches[other].box, match.box)
            }) {
                usedOCR.insert(partner)
                result.source = .both
                result.ocrConfidence = matches[partner].ocrConfidence
                result.quality = max(result.quality, matches[partner].quality)
            }
            merged.append(result)
        }
        for (position, match) in matches.enumerated() where match.source == .ocr && !usedOCR.contains(position) {
            merged.append(match)
        }
        matches = merged
        return matches.sorted { left, right in
            let leftBoth = left.source == .both
            let rightBoth = right.source == .both
            if leftBoth != rightBoth { return leftBoth }
            if left.quality != right.quality { return left.quality > right.quality }
            if left.page != right.page { return left.page < right.page }
            if left.box.y != right.box.y { return left.box.y < right.box.y }
            return left.box.x < right.box.x
        }
    }

    /// Whether two boxes mark the same printed text (overlapping, or centres within a line height).
    static func samePlace(_ a: BoundingBox, _ b: BoundingBox) -> Bool {
        if a.intersectionOverUnion(b) >= 0.2 { return true }
        let tolerance = max(4, min(a.height, b.height))
        return abs(a.midY - b.midY) <= tolerance && abs(a.midX - b.midX) <= max(tolerance, min(a.width, b.width) / 2)
    }

    /// `number` with the other sign.
    static func negated(_ number: JSONNumber) -> JSONNumber? {
        let text = number.description
        return JSONNumber(literal: text.hasPrefix("-") ? String(text.dropFirst()) : "-" + text)
    }

    /// NFKC, case-folded, white space collapsed.
    public static func fold(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased().split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    /// Normalised Levenshtein similarity: 1 − distance / longer length (1 for two empty strings).
    public static func similarity(_ a: String, _ b: String) -> Double {
        let left = Array(a)
        let right = Array(b)
        let longest = max(left.count, right.count)
        guard longest > 0 else { return 1 }
        if left.isEmpty || right.isEmpty { return 0 }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return 1 - Double(previous[right.count]) / Double(longest)
    }
}
