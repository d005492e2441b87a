import ExtractCore
import JSONCore

extension CandidateFinder {
    /// Candidates for a field that asks for a code of a standard list (``CodeList/wantsCode(_:)``): every place
    /// a form of one of the list's codes is printed (``EvidenceIndex/printedCodes(in:)``), offered as the code
    /// itself (`€` → `EUR`, `Avoir` → `381`, `20 Stk` → `H87`). A document title scores higher on its first
    /// page and near the top; every other form scores like a type scan.
    func codeCandidates(for field: SchemaField) -> [Candidate] {
        guard let list = CodeList.list(for: field), CodeList.wantsCode(field) else { return [] }
        var result: [Candidate] = []
        for (code, span) in index.printedCodes(in: list) {
            guard let value = index.normalizer.normalize(JSONValue.string(code), for: field), !value.isNull else {
                continue
            }
            let stream = index.streams[span.stream]
            let box = index.box(of: span)
            var score = 0.35
            if list == .documentType {
                let position = Double(stream.page - 1) + box.y / 1000
                score = 0.5 / (1 + position)
            }
            result.append(Candidate(value: value, text: index.text(of: span), page: stream.page, box: box,
                                    source: stream.source == .ocr ? .ocr : .textLayer, score: score,
                                    method: .typeScan))
        }
        return result
    }

    /// Whether a code found by its printed form tells by itself that it is the field's value: a currency, a
    /// document type, a VAT category or a unit names what it is; a country name does not say whose it is.
    static func isSelfEvidentCode(_ field: SchemaField) -> Bool {
        guard let list = CodeList.list(for: field), list != .country else { return false }
        return CodeList.wantsCode(field)
    }
}
