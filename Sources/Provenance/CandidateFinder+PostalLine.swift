import ExtractCore
import Foundation
import JSONCore

extension CandidateFinder {
    /// The part of an address line a field asks for.
    enum PostalPart: Sendable {
        case street, postcode, city, country
    }

    /// A postal line: an optional ISO country prefix, a postcode, the city (`DE 80333 München`, `D-80333
    /// München`, `1016 DV Amsterdam`, `69001 Lyon`, `F-84340 Malaucène`). Postcodes are 4 or 5 digits, with the
    /// two letters of a Dutch one.
    static let postalLine = try! NSRegularExpression(
        pattern: #"^(?:([A-Z]{1,2})[ -])?(\d{5}|\d{4}(?: ?[A-Z]{2}(?= ))?)\s+(\p{Lu}[\p{L}'’.-]*(?:[ -]\p{L}[\p{L}'’.-]*){0,3})$"#
    )

    /// Postcode, city or country prefix of every postal line, earlier ones first (the issuer's address is
    /// usually printed before the buyer's; ``rank(_:field:)`` moves those under a buyer heading to the buyer,
    /// and takes from a party's field the ``Candidate/Method/postalLine`` of a line in the other party's block,
    /// or of any line for the buyer when there is no buyer heading).
    func postalLineCandidates(field: SchemaField, part: PostalPart) -> [Candidate] {
        var result: [Candidate] = []
        for stream in index.streams {
            for line in stream.lines {
                let words = Array(stream.words[line])
                let segments = Self.segments(of: words)
                for (position, segment) in segments.enumerated() {
                    guard segment.count >= 2, segment.count <= 6 else { continue }
                    let text = segment.map(\.text).joined(separator: " ")
                    let range = NSRange(text.startIndex..., in: text)
                    guard let match = Self.postalLine.firstMatch(in: text, range: range) else { continue }
                    let value: String
                    var printed = segment
                    switch part {
                    case .street:
                        if segments.count > 1 {
                            // `Firma - Hauptstraße 5 - 80333 München`: the street is the segment before.
                            guard position > 0, Self.isStreet(segments[position - 1]) else { continue }
                            printed = segments[position - 1]
                            value = printed.map(\.text).joined(separator: " ")
                        } else {
                            if let street = streetCandidate(above: line, in: stream, field: field) {
                                result.append(street)
                            }
                            continue
                        }
                    case .country:
                        if let found = Range(match.range(at: 1), in: text), text[found].count == 2 {
                            value = String(text[found])
                        } else if position + 1 < segments.count,
                            let code = CodeList.country.code(forPrinted: segments[position + 1].map(\.text)
                                .joined(separator: " ")) {
                            // `… - 84340 Malaucène - France`: the country named in the next segment.
                            value = code
                            printed = segments[position + 1]
                        } else {
                            continue
                        }
                    case .postcode, .city:
                        guard let found = Range(match.range(at: part == .postcode ? 2 : 3), in: text) else { continue }
                        value = String(text[found])
                    }
                    guard let normalized = index.normalizer.normalize(.string(value), for: field), !normalized.isNull
                    else { continue }
                    let pieces = Self.pieces(printed)
                    let box = BoundingBox.enclosing(pieces.filter { value.contains($0.text) || $0.text.contains(value) }
                        .map(\.box)) ?? BoundingBox.enclosing(pieces.map(\.box))!
                    let order = Double(stream.page - 1) + box.y / 1000
                    // An address printed on one line between other parts is a letterhead's: the issuer's.
                    let weight = segments.count > 1 ? 0.6 : 0.4
                    result.append(Candidate(value: normalized, text: printed.map(\.text).joined(separator: " "),
                                            page: stream.page, box: box,
                                            source: stream.source == .ocr ? .ocr : .textLayer,
                                            score: weight / (1 + order), method: .postalLine))
                }
            }
        }
        return result
    }

    /// Words printed alone between the parts of a letterhead line (`Au bon moulin SARL - 1242 chemin de l'olive -
    /// 84340 Malaucène - France`).
    static let segmentSeparators: Set<String> = ["-", "–", "—", "|", "·", "•", "/"]

    /// A line's words split at lone separators; the whole line when it has none.
    static func segments(of words: [EvidenceIndex.Word]) -> [[EvidenceIndex.Word]] {
        var segments: [[EvidenceIndex.Word]] = [[]]
        for word in words {
            if segmentSeparators.contains(word.text) {
                if !segments[segments.count - 1].isEmpty { segments.append([]) }
            } else {
                segments[segments.count - 1].append(word)
            }
        }
        return segments.filter { !$0.isEmpty }
    }

    /// Whether words read as a street: 2 to 7 words, one with a digit (the house number), one a word of three
    /// letters or more, no label.
    static func isStreet(_ words: [EvidenceIndex.Word]) -> Bool {
        (2...7).contains(words.count) && words.contains(where: { $0.text.contains(where: \.isNumber) })
            && words.contains(where: { $0.text.count >= 3 && $0.text.allSatisfy(\.isLetter) })
            && !words.contains(where: { $0.text.hasSuffix(":") })
    }

    /// The street of a postal line: the line just above it when it holds a house number and is short
    /// (`Lieferantenstraße 20`, `35 rue de la République`).
    private func streetCandidate(above line: Range<Int>, in stream: EvidenceIndex.Stream, field: SchemaField)
        -> Candidate?
    {
        guard let position = stream.lines.firstIndex(of: line), position > 0 else { return nil }
        let words = stream.words[stream.lines[position - 1]]
        guard Self.isStreet(Array(words)) else { return nil }
        let text = words.map(\.text).joined(separator: " ")
        guard !ValueReader.isLabelOnly(text), index.normalizer.date(text) == nil,
            let value = index.normalizer.normalize(.string(text), for: field), !value.isNull else { return nil }
        let box = BoundingBox.enclosing(words.map(\.box))!
        let order = Double(stream.page - 1) + box.y / 1000
        return Candidate(value: value, text: text, page: stream.page, box: box,
                         source: stream.source == .ocr ? .ocr : .textLayer, score: 0.4 / (1 + order),
                         method: .postalLine)
    }
}
