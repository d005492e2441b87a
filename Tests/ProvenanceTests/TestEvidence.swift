import ExtractCore
import ExtractTestSupport
import Foundation
import JSONCore
import PopplerStage
import Provenance
import TesseractStage

/// Real evidence built from the samples and the corpus, computed once per test process.
enum TestEvidence {
    /// Text layer of every page of a PDF.
    static func textLayer(_ url: URL) throws -> DocumentEvidence {
        let document = try PDFDocument(.file(url.path))
        var pages: [PageEvidence] = []
        for number in 1...max(1, document.pageCount) where number <= document.pageCount {
            pages.append(PageEvidence(number: number, size: try document.pageSize(number),
                                      textLayer: try document.textLayer(page: number)))
        }
        return DocumentEvidence(info: document.info, pages: pages)
    }

    /// OCR (eng, 300 dpi) of every page of a PDF.
    static func ocr(_ url: URL, languages: String = "eng") throws -> DocumentEvidence {
        let document = try PDFDocument(.file(url.path))
        let engine = try TesseractEngine(languages: OCRLanguages(languages))
        var pages: [PageEvidence] = []
        for number in 1...max(1, document.pageCount) where number <= document.pageCount {
            let image = try document.renderGray(page: number, dpi: 300)
            pages.append(PageEvidence(number: number, size: try document.pageSize(number),
                                      ocr: try engine.recognize(image)))
        }
        return DocumentEvidence(info: document.info, pages: pages)
    }

    /// The text layer of every page, plus OCR of the pages whose text layer has fewer than five words.
    static func auto(_ url: URL) throws -> DocumentEvidence {
        var evidence = try textLayer(url)
        let document = try PDFDocument(.file(url.path))
        var engine: TesseractEngine?
        for position in evidence.pages.indices where (evidence.pages[position].textLayer?.words.count ?? 0) < 5 {
            if engine == nil { engine = try TesseractEngine(languages: OCRLanguages("eng")) }
            let image = try document.renderGray(page: evidence.pages[position].number, dpi: 300)
            evidence.pages[position].ocr = try engine!.recognize(image)
        }
        return evidence
    }

    /// Made-up text-layer evidence: one page, one line per entry, words split at spaces, each its own box.
    static func lines(_ rows: [String]) -> DocumentEvidence {
        MadeUpEvidence.lines(rows)
    }

    /// `samples/invoice.pdf`, text layer.
    static let invoiceText: Result<DocumentEvidence, any Error> = Result {
        try textLayer(Fixtures.sample("invoice.pdf"))
    }

    /// `samples/invoice-scanned.pdf`, OCR.
    static let invoiceOCR: Result<DocumentEvidence, any Error> = Result {
        try ocr(Fixtures.sample("invoice-scanned.pdf"))
    }

    /// The invoice with both sources on its one page: the text layer of `invoice.pdf` and the OCR of its
    /// scanned twin (same layout).
    static func invoiceBoth() throws -> DocumentEvidence {
        var evidence = try invoiceText.get()
        evidence.pages[0].ocr = try invoiceOCR.get().pages[0].ocr
        return evidence
    }

    /// `schemas/invoice.schema.json`.
    static func invoiceSchema() throws -> JSONValue {
        try json(Fixtures.repositoryRoot.appendingPathComponent("schemas/invoice.schema.json"))
    }

    /// A JSON file.
    static func json(_ url: URL) throws -> JSONValue {
        try JSONValue(parsing: Array(try Data(contentsOf: url)))
    }
}

/// Compares a found value with the truth using the corpus's `x-compare` rules.
enum CompareRule {
    static func matches(expected: JSONValue, actual: JSONValue?, rule: JSONValue?) -> Bool {
        guard let actual else { return expected.isNull }
        if expected.isNull || actual.isNull { return expected.isNull && actual.isNull }
        let method = rule?["method"]?.stringValue ?? "exact"
        let normalizer = ValueNormalizer()
        func text(_ value: JSONValue) -> String {
            value.stringValue ?? (value.numberValue?.description ?? value.description)
        }
        switch method {
        case "numeric":
            let tolerance = rule?["abs_tol"]?.doubleValue ?? 0.001
            guard let left = normalizer.number(text(expected))?.doubleValue,
                let right = normalizer.number(text(actual))?.doubleValue else { return false }
            return abs(left - right) <= tolerance + 1e-9
        case "date":
            guard let left = normalizer.date(text(expected)) else { return false }
            return left == normalizer.date(text(actual))
        case "identifier":
            func key(_ value: JSONValue) -> String {
                var string = text(value).filter { !$0.isWhitespace && $0 != "." && $0 != "-" }.lowercased()
                if string.hasPrefix("#") { string.removeFirst() }
                return string
            }
            return key(expected) == key(actual)
        case "digits":
            return text(expected).filter(\.isNumber) == text(actual).filter(\.isNumber)
        case "exact-ci":
            func key(_ value: JSONValue) -> String {
                var string = text(value).lowercased().trimmingCharacters(in: .whitespaces)
                for prefix in ["https://", "http://", "www."] where string.hasPrefix(prefix) {
                    string.removeFirst(prefix.count)
                }
                if string.hasSuffix("/") { string.removeLast() }
                return string
            }
            return key(expected) == key(actual)
        case "fuzzy":
            let threshold = rule?["threshold"]?.doubleValue ?? 0.85
            return EvidenceLocator.similarity(EvidenceLocator.fold(text(expected)),
                                              EvidenceLocator.fold(text(actual))) >= threshold
        default:
            let trimmed = text(expected).trimmingCharacters(in: .whitespaces)
            return trimmed == text(actual).trimmingCharacters(in: .whitespaces)
        }
    }
}

/// Top-1 accuracy of ``CandidateFinder`` on one document.
struct TopOneScore: CustomStringConvertible {
    var fields: [(name: String, expected: JSONValue, got: JSONValue?, correct: Bool)] = []
    var details: [String: String] = [:]

    var correct: Int { fields.filter(\.correct).count }
    var total: Int { fields.count }

    var description: String {
        fields.map { field in
            let line = "\(field.correct ? "✓" : "✗") \(field.name): expected \(field.expected) "
                + "got \(field.got?.description ?? "–")"
            return field.correct ? line : line + "\n    " + (details[field.name] ?? "")
        }.joined(separator: "\n")
    }

    /// Scores the top candidate of every top-level scalar field (or, with `nested`, every leaf outside
    /// arrays) whose `x-compare` method is not `ignore`.
    static func measure(evidence: DocumentEvidence, schema: JSONValue, expected: JSONValue,
                        nested: Bool = false) -> TopOneScore {
        let finder = CandidateFinder(evidence: evidence)
        var score = TopOneScore()
        let fields = nested ? SchemaFields.leaves(of: schema).filter { !$0.isInArray }
            : SchemaFields.topLevelScalars(of: schema)
        for field in fields {
            let rule = field.schema["x-compare"]
            if rule?["method"]?.stringValue == "ignore" { continue }
            var truth: JSONValue? = expected
            for key in field.path { truth = truth?[key] }
            guard let truth else { continue }
            let candidates = finder.candidates(for: field)
            let top = candidates.first?.value
            score.details[field.pointer] = candidates.prefix(3).map { candidate in
                "\(candidate.value) \(String(format: "%.2f", candidate.score)) \(candidate.method.rawValue) "
                    + "'\(candidate.label ?? "")' p\(candidate.page) \(candidate.source.rawValue)"
            }.joined(separator: " | ")
            let correct = CompareRule.matches(expected: truth, actual: top, rule: rule)
            score.fields.append((field.pointer, truth, top, correct))
        }
        return score
    }
}
