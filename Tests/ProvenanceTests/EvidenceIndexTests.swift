import ExtractCore
import ExtractTestSupport
import Foundation
import JSONCore
@testable import Provenance
import Testing

/// The index's compact storage and its shortcuts give what the plain structures they replace gave, on real
/// evidence: the samples and the invoice2data documents.
@Suite struct EvidenceIndexTests {
    /// Text-layer evidence of the samples and of the invoice2data comparison documents that are present.
    static func corpusEvidence() throws -> [DocumentEvidence] {
        var urls = ["invoice.pdf", "mixed.pdf", "table.pdf", "two-column.pdf"].map(Fixtures.sample)
        let folder = Fixtures.corpus("invoice2data/tests/compare")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        urls += names.filter { $0.hasSuffix(".pdf") }.sorted().map(folder.appendingPathComponent)
        var result = try urls.map(TestEvidence.textLayer)
        result.append(try TestEvidence.invoiceOCR.get())
        return result
    }

    /// Printed forms the normaliser reads, each of which the per-word shortcuts must let through.
    static let printedValues = [
        "14 March 2024", "Thursday, 14th of March 2024", "March 14, 2024", "2024-03-14T10:00:00Z", "2024-03-14 10:00",
        "14.03.2024", "14/03/24", "7. Mai 2014", "1er février 2023", "14-Mar-2024", "le 3 août 2022", "Dez 24 2021",
        "EUR 1.230,50", "(1,230.00)", "-12,50 €", "US$ 3", "12 %", "1 230,50", "12.50-", "CHF 1'230.50", "zł 40",
        "Kč 100", "Fr. 12.50", "RM 12.00", "+3", "−4,5", "1.230", "0.50 USD",
    ]

    @Test func wordShortcutsPassEveryPrintedValue() {
        let normalizer = ValueNormalizer()
        for text in Self.printedValues {
            let words = text.split(separator: " ").map(String.init)
            if normalizer.date(text) != nil {
                #expect(words.allSatisfy(ValueNormalizer.mayBeInDate), "\(text)")
            }
            if normalizer.number(text) != nil {
                #expect(words.allSatisfy(ValueNormalizer.mayBeInNumber), "\(text)")
            }
            #expect(normalizer.date(text) != nil || normalizer.number(text) != nil, "\(text) reads as neither")
        }
        #expect(!ValueNormalizer.mayBeInDate("Sensor"))
        #expect(!ValueNormalizer.mayBeInNumber("Item"))
        #expect(!ValueNormalizer.mayBeInNumber("TERMS"))
    }

    /// Every run of words the index reads that is a number or a date holds only words the shortcuts let
    /// through, so skipping the other runs loses nothing; and the index's tables equal tables built from every
    /// run without the shortcuts.
    @Test func numberAndDateTablesEqualUnfilteredTables() throws {
        let normalizer = ValueNormalizer()
        let alternate = ValueNormalizer(dateOrder: .monthFirst)
        var datesSeen = 0
        var numbersSeen = 0
        for evidence in try Self.corpusEvidence() {
            let index = EvidenceIndex(evidence: evidence, normalizer: normalizer)
            var numbers: [JSONNumber: [EvidenceIndex.Span]] = [:]
            var dates: [String: [EvidenceIndex.Span]] = [:]
            for (streamIndex, stream) in index.streams.enumerated() {
                let words = Array(stream.words)
                for start in words.indices {
                    for length in 1...5 where start + length <= words.count {
                        let run = words[start..<(start + length)]
                        guard run.last!.line == words[start].line else { continue }
                        let text = run.map(\.text).joined(separator: " ")
                        let span = EvidenceIndex.Span(stream: streamIndex, start: start, end: start + length)
                        let hasDigit = run.contains { $0.text.contains(where: \.isNumber) }
                        if length <= 3, words[start].text.contains(where: \.isNumber),
                           let number = normalizer.number(text) {
                            #expect(run.allSatisfy { ValueNormalizer.mayBeInNumber($0.text) }, "\(text)")
                            numbers[number, default: []].append(span)
                            numbersSeen += 1
                        }
                        let found = Set([normalizer.date(text), alternate.date(text)].compactMap { $0 })
                        if hasDigit, !found.isEmpty {
                            #expect(run.allSatisfy { ValueNormalizer.mayBeInDate($0.text) }, "\(text)")
                            datesSeen += 1
                        }
                        if hasDigit {
                            for iso in found { dates[iso, default: []].append(span) }
                        }
                    }
                }
            }
            #expect(index.numbers == numbers)
            #expect(index.dates.mapValues(Set.init) == dates.mapValues(Set.init))
        }
        #expect(datesSeen > 10)
        #expect(numbersSeen > 100)
    }

    /// The words read back from the page text equal the page's words, and the key order finds what a key →
    /// positions dictionary finds.
    @Test func compactWordsAndKeyOrderEqualPlainStructures() throws {
        for evidence in try Self.corpusEvidence() {
            let index = EvidenceIndex(evidence: evidence)
            let texts = evidence.pages.flatMap { page in [page.textLayer, page.ocr].compactMap { $0 } }
                .filter { !$0.lines.isEmpty }
            #expect(texts.count == index.streams.count)
            for (stream, text) in zip(index.streams, texts) {
                var expected: [EvidenceIndex.Word] = []
                for (lineIndex, line) in text.lines.enumerated() {
                    #expect(stream.lines[lineIndex] == expected.count..<(expected.count + line.words.count))
                    for word in line.words {
                        expected.append(EvidenceIndex.Word(
                            text: word.text, key: EvidenceIndex.key(word.text), box: word.box,
                            confidence: word.confidence, fontSize: word.fontSize, line: lineIndex
                        ))
                    }
                }
                #expect(Array(stream.words) == expected)
                var positions: [String: [Int]] = [:]
                for (position, word) in expected.enumerated() where !word.key.isEmpty {
                    positions[word.key, default: []].append(position)
                }
                for (key, list) in positions {
                    #expect(stream.positions(of: key) == list, "\(key)")
                }
                #expect(stream.positions(of: "no such key at all").isEmpty)
                #expect(stream.positions(of: "").isEmpty)
            }
        }
    }

    /// Each word's key is read back from its text and its cut as ``EvidenceIndex/key(_:)`` gives it, for words
    /// with punctuation at either end, case mappings that change the text's length, punctuation only, and more
    /// punctuation than a cut holds (kept whole).
    @Test func keysReadBackFromTheirCuts() {
        let texts = [
            "Invoice", "holder:", "B.V.", "(1,230.00)", "«Bonjour»", "...", "—", "İstanbul", "STRASSE", "Straße",
            "ÉTÉ", "e\u{301}t\u{301}", "$12", "12%", "\"quoted\"", "Total" + String(repeating: "!", count: 20),
            String(repeating: "(", count: 20) + "x", "a-b", "", "x",
        ]
        let words = texts.enumerated().map { index, text in
            TextWord(text: text, box: BoundingBox(x: Double(index) * 20, y: 10, width: 18, height: 8))
        }
        let evidence = DocumentEvidence(
            info: DocumentInfo(pageCount: 1, pageSizes: [PageSize(width: 600, height: 800)]),
            pages: [PageEvidence(number: 1, size: PageSize(width: 600, height: 800),
                                 textLayer: PageText(source: .textLayer, lines: [TextLine(words: words)]))]
        )
        let index = EvidenceIndex(evidence: evidence)
        let stream = index.streams[0]
        #expect(stream.words.map(\.key) == texts.map(EvidenceIndex.key))
        #expect(stream.words.map(\.text) == texts)
        #expect(stream.words.wholeKeys.count == 2)
        for (position, text) in texts.enumerated() where !EvidenceIndex.key(text).isEmpty {
            #expect(stream.positions(of: EvidenceIndex.key(text)).contains(position), "\(text)")
        }
    }

    /// A shared index finds the same candidates and locations as indexes built by each user.
    @Test func sharedIndexGivesTheSameAnswers() throws {
        let evidence = try TestEvidence.invoiceText.get()
        let shared = SharedEvidenceIndex(evidence: evidence)
        #expect(shared.index(normalizer: ValueNormalizer(dateOrder: .monthFirst)) == nil)
        let index = try #require(shared.index(normalizer: ValueNormalizer()))
        let finder = CandidateFinder(index: index)
        let ownFinder = CandidateFinder(evidence: evidence)
        let locator = EvidenceLocator(index: shared.index)
        let ownLocator = EvidenceLocator(evidence: evidence)
        let schemaURL = Fixtures.repositoryRoot.appendingPathComponent("schemas/invoice.schema.json")
        let schema = try TestEvidence.json(schemaURL)
        for (field, candidates) in finder.candidates(forSchema: schema) {
            #expect(candidates == ownFinder.candidates(for: field), "\(field.pointer)")
            for candidate in candidates {
                #expect(locator.matches(for: candidate.value, field: field)
                    == ownLocator.matches(for: candidate.value, field: field))
            }
        }
    }
}
