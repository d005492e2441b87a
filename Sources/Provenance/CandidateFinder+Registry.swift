import ExtractCore
import Foundation
import JSONCore

extension CandidateFinder {
    /// A French trade-register entry, which French law has every company print on its invoices: the SIREN (nine
    /// digits, often in threes) with `RCS` and the registry's city on either side, and the register's letter
    /// `A` or `B` before it: `RCS Lyon B 421 938 861`, `B 421 938 861 RCS Paris`, `421938861 R.C.S. Nantes`.
    static let tradeRegisterEntry = try! NSRegularExpression(
        pattern: #"\bR\.? ?C\.? ?S\.?(?: de)? (?:\p{Lu}[\p{L}'’-]*[ ,]+){1,3}(?:[AB] )?(\d{3} ?\d{3} ?\d{3})\b"#
            + #"|\b(?:[AB] )?(\d{3} ?\d{3} ?\d{3}) R\.? ?C\.? ?S\.?(?=$| )"#
    )

    /// The SIREN of every trade-register entry (``tradeRegisterEntry``), read beside `RCS` as beside a label:
    /// the number precedes its label as often as it follows it, which a label-right reading misses.
    func registryNumberCandidates(field: SchemaField) -> [Candidate] {
        var result: [Candidate] = []
        for stream in index.streams {
            for line in stream.lines {
                let words = stream.words[line]
                let text = words.map(\.text).joined(separator: " ")
                guard text.contains("RCS") || text.contains("R.C.S") || text.contains("R. C. S") else { continue }
                let range = NSRange(text.startIndex..., in: text)
                for match in Self.tradeRegisterEntry.matches(in: text, range: range) {
                    let group = match.range(at: 1).location != NSNotFound ? 1 : 2
                    guard let found = Range(match.range(at: group), in: text) else { continue }
                    let value = String(text[found])
                    guard let normalized = index.normalizer.normalize(.string(value), for: field), !normalized.isNull
                    else { continue }
                    let digits = value.split(separator: " ").map(String.init)
                    let boxes = Self.pieces(words).filter { digits.contains($0.text) }.map(\.box)
                    guard let box = BoundingBox.enclosing(boxes) else { continue }
                    result.append(Candidate(value: normalized, text: value, page: stream.page, box: box,
                                            source: stream.source == .ocr ? .ocr : .textLayer, score: 0.62,
                                            method: .labelRight, label: "RCS"))
                }
            }
        }
        return result
    }
}
