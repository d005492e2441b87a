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
                let words = stream.words[line]
                guard words.count >= 2, words.count <= 6 else { continue }
                let text = words.map(\.text).joined(separator: " ")
                let range = NSRange(text.startIndex..., in: text)
                guard let match = Self.postalLine.firstMatch(in: text, range: range) else { continue }
                if part == .street {
                    if let street = streetCandidate(above: line, in: stream, field: field) { result.append(street) }
                    continue
                }
                let group: Int
                switch part {
                case .street, .country: group = 1
                case .postcode: group = 2
                case .city: group = 3
                }
                guard let found = Range(match.range(at: group), in: text) else { continue }
                let value = String(text[found])
                if part == .country, value.count != 2 { continue }
                guard let normalized = index.normalizer.normalize(.string(value), for: field), !normalized.isNull
                else { continue }
                let pieces = Self.pieces(words)
                let box = BoundingBox.enclosing(pieces.filter { value.contains($0.text) || $0.text.contains(value) }
                    .map(\.box)) ?? BoundingBox.enclosing(pieces.map(\.box))!
                let position = Double(stream.page - 1) + box.y / 1000
                result.append(Candidate(value: normalized, text: text, page: stream.page, box: box,
                                        source: stream.source == .ocr ? .ocr : .textLayer,
                                        score: 0.4 / (1 + position), method: .postalLine))
            }
        }
        return result
    }

    /// The street of a postal line: the line just above it when it holds a house number and is short
    /// (`Lieferantenstraße 20`, `35 rue de la République`).
    private func streetCandidate(above line: Range<Int>, in stream: EvidenceIndex.Stream, field: SchemaField)
        -> Candidate?
    {
        guard let position = stream.lines.firstIndex(of: line), position > 0 else { return nil }
        let words = stream.words[stream.lines[position - 1]]
        guard (2...7).contains(words.count), words.contains(where: { $0.text.contains(where: \.isNumber) }),
            words.contains(where: { $0.text.count >= 3 && $0.text.allSatisfy(\.isLetter) }),
            !words.contains(where: { $0.text.hasSuffix(":") }) else { return nil }
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
