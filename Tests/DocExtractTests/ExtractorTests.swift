import DocExtract
import ExtractCore
import ExtractTestSupport
import Foundation
import JSONCore
import ModelClients
import Testing

/// The pipeline with a scripted model: the repair loop, failures, budget, cache counts, provenance.
@Suite(.serialized) struct ExtractorTests {
    static let schemaText = try! String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent(
        "schemas/invoice.schema.json"), encoding: .utf8)
    static let expectedText = try! String(contentsOf: Fixtures.sample("expected/invoice.json"), encoding: .utf8)

    let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("dx-extractor-\(UUID())")

    private func extractor(_ model: ScriptedLanguageModel, cache: Bool = true,
                           _ adjust: (inout ExtractorConfiguration) -> Void = { _ in }) throws -> Extractor {
        var configuration = ExtractorConfiguration()
        configuration.model = .custom(model)
        configuration.cacheDirectory = cache ? cacheFolder : nil
        configuration.synthesis.strategy = .wholeDocument
        adjust(&configuration)
        return try Extractor(configuration: configuration)
    }

    private var schema: JSONValue { try! JSONValue(parsing: Self.schemaText) }

    @Test func invalidThenValidIsRepaired() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        var broken = try JSONValue(parsing: Self.expectedText)
        if case .object(var object) = broken {
            object["total"] = "a lot"
            broken = .object(object)
        }
        let model = ScriptedLanguageModel([.answer(broken.serialized()), .answer(Self.expectedText)])
        let extractor = try extractor(model)
        defer { extractor.close() }
        let result = try await extractor.extract(pdfAt: Fixtures.sample("invoice.pdf").path, schema: schema)
        #expect(result.status != .failure)
        #expect(result.value == (try JSONValue(parsing: Self.expectedText)))
        #expect(result.usage.attempts == 2)
        #expect(model.requests.count == 2)
        // The repair names the failing path only.
        let repair = model.requests[1].messages.last?.text ?? ""
        #expect(repair.contains("/total"))
        #expect(!repair.contains("/invoice_number"))
    }

    @Test func alwaysInvalidIsAFailureWithTheErrors() async throws {
        let model = ScriptedLanguageModel([.answer(#"{"invoice_number": 5}"#)])
        let extractor = try extractor(model, cache: false)
        defer { extractor.close() }
        let result = try await extractor.extract(pdfAt: Fixtures.sample("invoice.pdf").path, schema: schema)
        #expect(result.status == .failure)
        #expect(result.value == nil, "never invalid JSON presented as success")
        #expect(!result.errors.isEmpty)
        #expect(model.requests.count == 3, "--max-attempts defaults to 3")
    }

    @Test func notJSONAtAllIsRepairedToo() async throws {
        let model = ScriptedLanguageModel([.answer("Sure! Here is the data: total 10,695.49"), .answer(Self.expectedText)])
        let extractor = try extractor(model, cache: false)
        defer { extractor.close() }
        let result = try await extractor.extract(pdfAt: Fixtures.sample("invoice.pdf").path, schema: schema)
        #expect(result.value != nil)
        #expect(model.requests[1].messages.last?.text.contains("not JSON") == true)
    }

    @Test func exhaustedBudgetStopsCleanly() async throws {
        let model = ScriptedLanguageModel([.fail(ModelClientError(
            code: .budgetExhausted, message: "budget exhausted: 3 calls, 9000 tokens, $0.0200 spent"
        ))])
        let extractor = try extractor(model, cache: false)
        defer { extractor.close() }
        let error = await #expect(throws: ExtractError.self) {
            try await extractor.extract(pdfAt: Fixtures.sample("invoice.pdf").path, schema: schema)
        }
        #expect(error?.code == .limitExceeded)
        #expect(error?.message.contains("spent") == true)
    }

    @Test func unreachableModelIsModelUnavailable() async throws {
        let model = ScriptedLanguageModel([.fail(ModelClientError(code: .transport, message: "connection refused"))])
        let extractor = try extractor(model, cache: false)
        defer { extractor.close() }
        let error = await #expect(throws: ExtractError.self) {
            try await extractor.extract(pdfAt: Fixtures.sample("invoice.pdf").path, schema: schema)
        }
        #expect(error?.code == .modelUnavailable)
    }

    @Test func invalidSchemaFailsBeforeAnyStage() async throws {
        let model = ScriptedLanguageModel([.answer("{}")])
        let extractor = try extractor(model, cache: false)
        defer { extractor.close() }
        let error = await #expect(throws: ExtractError.self) {
            try await extractor.extract(pdfAt: Fixtures.sample("invoice.pdf").path, schema: ["type": "nonsense"])
        }
        #expect(error?.code == .invalidSchema)
        #expect(extractor.stageEvents.isEmpty)
        #expect(model.requests.isEmpty)
    }

    @Test func cacheCountsStageExecutions() async throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let model = ScriptedLanguageModel([.answer(Self.expectedText)])
        let path = Fixtures.sample("mixed.pdf").path
        let letter = try JSONValue(parsing: String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("schemas/letter.schema.json"), encoding: .utf8))
        let expected = try String(contentsOf: Fixtures.sample("expected/mixed.json"), encoding: .utf8)
        let letterModel = ScriptedLanguageModel([.answer(expected)])
        _ = model

        let first = try extractor(letterModel)
        let cold = try await first.extract(pdfAt: path, schema: letter)
        first.close()
        #expect(cold.status != .failure)
        #expect(cold.stagesExecuted == 6, "document info + 3 text layers + 1 OCR + synthesis")

        let second = try extractor(letterModel)
        let warm = try await second.extract(pdfAt: path, schema: letter)
        second.close()
        #expect(warm.stagesExecuted == 0, "a second identical run executes no stage")
        #expect(warm.cacheHits == 6)
        #expect(warm.value == cold.value)

        // A changed schema re-runs only synthesis.
        var changed = letter
        if case .object(var object) = changed {
            object["description"] = "changed"
            changed = .object(object)
        }
        let third = try extractor(letterModel)
        _ = try await third.extract(pdfAt: path, schema: changed)
        let thirdEvents = third.stageEvents
        third.close()
        #expect(thirdEvents.filter { $0.outcome == .executed }.map { String($0.stage.prefix(9)) } == ["synthesis"])

        // A changed OCR option re-runs OCR and synthesis only.
        let fourth = try extractor(letterModel) { $0.evidence.dpi = 200 }
        _ = try await fourth.extract(pdfAt: path, schema: letter)
        let executed = fourth.stageEvents.filter { $0.outcome == .executed }.map { $0.stage.split(separator: "@")[0] }
        fourth.close()
        #expect(executed.sorted() == ["synthesis", "tesseract.ocr"])
    }

    @Test func verbatimValuesComeWithBoxesOnTheirLine() async throws {
        let model = ScriptedLanguageModel([.answer(Self.expectedText)])
        let extractor = try extractor(model, cache: false)
        defer { extractor.close() }
        let result = try await extractor.extract(pdfAt: Fixtures.sample("invoice.pdf").path, schema: schema)
        let layout = try ExpectedLayout.load("invoice").pages[0].lines
        for (pointer, printed) in [("/invoice_number", "INV-2024-00417"), ("/order_reference", "PO-88213"),
                                   ("/seller/vat_id", "NL859372614B01")] {
            let field = try #require(result.fields.first { $0.pointer == pointer })
            let location = try #require(field.provenance, "\(pointer) located")
            #expect(location.page == 1)
            #expect(location.source == "text_layer")
            let line = try #require(layout.first { $0.text.contains(printed) })
            #expect(line.box.intersection(location.box) != nil, "\(pointer) box \(location.box) on line \(line.box)")
            #expect(field.confidence >= 0.6)
        }
        // A value that is printed nowhere is flagged for review.
        #expect(result.needsReview.count < result.fields.count)
    }

    @Test func fabricatedValueIsFlagged() async throws {
        var invented = try JSONValue(parsing: Self.expectedText)
        if case .object(var object) = invented {
            object["invoice_number"] = "INV-9999-99999"
            invented = .object(object)
        }
        let model = ScriptedLanguageModel([.answer(invented.serialized())])
        let extractor = try extractor(model, cache: false)
        defer { extractor.close() }
        let result = try await extractor.extract(pdfAt: Fixtures.sample("invoice.pdf").path, schema: schema)
        #expect(result.status == .partial)
        #expect(result.needsReview.contains("/invoice_number"))
        #expect(result.fields.first { $0.pointer == "/invoice_number" }?.provenance == nil)
    }

    @Test func fieldByFieldPicksCandidatesAndKeepsOnlyValidRows() async throws {
        let expected = try JSONValue(parsing: Self.expectedText)
        let rows = expected["line_items"]!.serialized()
        let model = ScriptedLanguageModel([.respond { request in
            let question = request.messages.last?.text ?? ""
            if question.contains("{\"choice\"") { return #"{"choice": 1}"# }
            // Two good rows, one repeated, one that breaks the item schema.
            if question.contains("{\"rows\"") {
                let items = try! JSONValue(parsing: rows).arrayValue!
                let broken: JSONValue = ["description": 7]
                let invented: JSONValue = ["description": "p1.t40: Quantum flux capacitor", "quantity": 99,
                                           "unit_price": 77.77, "amount": 7699.23]
                return JSONValue.object(["rows": .array([items[0], items[1], items[1], broken, invented])]).serialized()
            }
            return #"{"value": null}"#
        }], provider: "local")
        // The model's rows are what this test checks: the item table is not read here.
        let extractor = try extractor(model, cache: false) {
            $0.synthesis.strategy = .auto
            $0.synthesis.readsItemTables = false
        }
        defer { extractor.close() }
        let result = try await extractor.extract(pdfAt: Fixtures.sample("invoice.pdf").path, schema: schema)
        #expect(result.status != .failure, "\(result.errors)")
        let value = try #require(result.value)
        #expect(value["invoice_number"] == expected["invoice_number"])
        #expect(value["total"] == expected["total"])
        #expect(value["line_items"]?.arrayValue?.count == 2)
        #expect(result.diagnostics.contains { $0.code == "synthesis.rows" })
        // Every question is small and constrained: no request carries the whole schema.
        #expect(model.requests.allSatisfy { $0.responseSchema != nil })
        #expect(model.requests.count >= 1)
    }

    /// Field by field, the invoice's item table (`Description`, `Quantity`, `Unit price`, `Amount`) gives every row
    /// as printed, and the model is not asked for rows.
    @Test func fieldByFieldReadsTheItemTable() async throws {
        let expected = try JSONValue(parsing: Self.expectedText)
        let model = ScriptedLanguageModel([.respond { request in
            let question = request.messages.last?.text ?? ""
            if question.contains("{\"choice\"") { return #"{"choice": 1}"# }
            if question.contains("{\"rows\"") { return #"{"rows": []}"# }
            return #"{"value": null}"#
        }], provider: "local")
        let extractor = try extractor(model, cache: false) { $0.synthesis.strategy = .auto }
        defer { extractor.close() }
        let result = try await extractor.extract(pdfAt: Fixtures.sample("invoice.pdf").path, schema: schema)
        let value = try #require(result.value)
        #expect(value["line_items"] == expected["line_items"])
        #expect(!model.requests.contains { ($0.messages.last?.text ?? "").contains("{\"rows\"") })
        #expect(result.diagnostics.contains { $0.code == "synthesis.rows" && $0.message.contains("item table") })
    }
}
