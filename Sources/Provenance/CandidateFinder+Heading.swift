import ExtractCore
import Foundation
import JSONCore

extension CandidateFinder {
    /// Words that name a commercial document (folded to lower case without accents). A heading is a line that
    /// starts with one: `Handelsrechnung (380) Nr. 471102 vom 05.03.2018`, `Avoir AV-2017-0005`,
    /// `Invoice No. 2024-17`. German compounds ending in `rechnung` (Teil-, Schluss-, Abschlags-, Storno-) count.
    static let documentWords: Set<String> = [
        "invoice", "rechnung", "gutschrift", "rechnungskorrektur", "facture", "avoir", "factuur", "creditnota",
        "creditfactuur", "fattura", "factura", "quittung", "receipt", "bill",
    ]

    /// Words that announce a document's number after its name: `Nr.`, `No`, `N°`, `#`, `Nummer` ….
    static let numberMarkers: Set<String> = ["nr", "no", "n°", "nº", "n", "#", "nummer", "number", "numéro", "num"]

    static func isDocumentWord(_ word: String) -> Bool {
        let folded = EvidenceLocator.fold(word).trimmingCharacters(in: .punctuationCharacters)
        return documentWords.contains(folded) || (folded.hasSuffix("rechnung") && folded.count <= 20)
    }

    /// The number in a document heading: a line starting with a document word, then an optional code in
    /// parentheses, then a number marker and the identifier (`Handelsrechnung (380) Nr. 471102`), or the
    /// identifier right after the word when it has digits and letters or dashes (`Avoir AV-2017-0005`). Only the
    /// first words of a line are looked at, so a sentence mentioning an invoice (`Rechnung gemäß Bestellung
    /// …`, `Facture liée FA-2017-0010`) gives nothing.
    func headingNumberCandidates(field: SchemaField) -> [Candidate] {
        var result: [Candidate] = []
        for stream in index.streams {
            for line in stream.lines {
                let pieces = Self.pieces(stream.words[line])
                guard pieces.count >= 2, Self.isDocumentWord(pieces[0].text) else { continue }
                var position = 1
                if pieces[position].text.hasPrefix("("), pieces[position].text.hasSuffix(")") { position += 1 }
                guard position < pieces.count else { continue }
                let marker = EvidenceLocator.fold(pieces[position].text)
                    .trimmingCharacters(in: CharacterSet(charactersIn: ".:"))
                let rest: [ValueReader.Piece]
                let label: String
                if Self.numberMarkers.contains(marker) {
                    rest = Array(pieces[(position + 1)...].prefix(3))
                    label = pieces[0...position].map(\.text).joined(separator: " ")
                } else if position == 1, pieces[1].text.contains(where: \.isNumber),
                    pieces[1].text.contains(where: { $0.isLetter || $0 == "-" || $0 == "/" })
                {
                    rest = Array(pieces[1...].prefix(1))
                    label = pieces[0].text
                } else {
                    continue
                }
                guard let reading = readValue(.identifier, rest, field: field), reading.range.lowerBound == 0 else {
                    continue
                }
                result.append(makeCandidate(reading, pieces: rest, stream: stream, score: 0.66, method: .labelRight,
                                            label: label))
            }
        }
        return result
    }
}
