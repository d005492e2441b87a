import DocExtract
import ExtractCore
import ExtractTestSupport
import Foundation
import JSONCore
import ModelClients
import PopplerStage
import Testing

/// `--layout vision` against recorded vision-model answers on a loopback server.
@Suite(.serialized) struct VisionLayoutTests {
    let source = PDFSource.file(Fixtures.sample("two-column.pdf").path)

    private func read(_ answers: [String], cache: InMemoryCache = InMemoryCache(),
                      events: StageEventRecorder = StageEventRecorder()) async throws
        -> (DocumentEvidence, LoopbackHTTPServer)
    {
        let server = try LoopbackHTTPServer()
        server.enqueue(contentsOf: answers.map { RecordedModelAnswers.openAIChatCompletion(content: $0) })
        var options = EvidenceOptions()
        options.layout = .vision
        let model = OpenAICompatibleClient(
            baseURL: server.baseURL + "/v1", apiKey: nil, model: "vision-test",
            configuration: ModelClientConfiguration(retry: RetryPolicy(maxAttempts: 1))
        )
        let reader = try EvidenceReader(options: options, cache: cache, observe: events.record, visionModel: model)
        defer { reader.close() }
        return (try await reader.read(source), server)
    }

    // Column boxes in 0-1000 page coordinates for the US Letter two-column sample (612 × 792 pt).
    static let answer = """
        {"regions": [
          {"kind": "page_header", "box": [80, 30, 920, 60]},
          {"kind": "title", "box": [80, 95, 920, 125]},
          {"kind": "paragraph", "box": [80, 128, 920, 152]},
          {"kind": "paragraph", "box": [80, 170, 480, 900]},
          {"kind": "paragraph", "box": [510, 170, 920, 900]},
          {"kind": "page_footer", "box": [80, 940, 920, 965]}
        ]}
        """

    @Test func regionsFromTheModelInItsReadingOrder() async throws {
        let (evidence, server) = try await read([Self.answer])
        defer { server.stop() }
        let regions = try #require(evidence.pages[0].layout)
        #expect(regions.map(\.kind) == [.pageHeader, .title, .paragraph, .paragraph, .paragraph, .pageFooter])
        // Column one before column two, every word kept.
        let text = regions.map(\.text).joined(separator: "\n")
        let one = try #require(text.range(of: "The first tidal turbine"))
        let two = try #require(text.range(of: "Column two begins"))
        #expect(one.lowerBound < two.lowerBound)
        #expect(regions.flatMap { $0.lines.flatMap(\.words) }.count == evidence.pages[0].textLayer?.words.count)
        // The page went to the model as an image, with the layout schema.
        let body = String(decoding: try #require(server.requests.first?.body), as: UTF8.self)
        #expect(body.contains("data:image/png;base64,"))
        #expect(body.contains("json_schema"))
        #expect(!evidence.diagnostics.contains { $0.code.hasPrefix("layout.") })
    }

    @Test func malformedAnswerFallsBackToTheLocalAnalyser() async throws {
        let (evidence, server) = try await read(["Here is the layout: two columns."])
        defer { server.stop() }
        #expect(evidence.diagnostics.contains { $0.code == "layout.vision-fallback" })
        let regions = try #require(evidence.pages[0].layout)
        #expect(regions.first?.kind == .pageHeader, "the local analyser's regions")
    }

    @Test func invalidAnswerFallsBackToo() async throws {
        let (evidence, server) = try await read([#"{"regions": [{"kind": "sidebar", "box": [1, 2]}]}"#])
        defer { server.stop() }
        #expect(evidence.diagnostics.contains { $0.code == "layout.vision-fallback" && $0.message.contains("validate") })
    }

    @Test func boxesOutsideThePageAreClippedOrDropped() async throws {
        let answer = """
            {"regions": [
              {"kind": "paragraph", "box": [-200, -50, 1400, 1300]},
              {"kind": "figure", "box": [1100, 1100, 1500, 1500]}
            ]}
            """
        let (evidence, server) = try await read([answer])
        defer { server.stop() }
        let regions = try #require(evidence.pages[0].layout)
        #expect(regions.count == 1)
        let box = regions[0].box
        #expect(box.x >= 0 && box.y >= 0 && box.maxX <= 612.01 && box.maxY <= 792.01)
        #expect(evidence.diagnostics.contains { $0.code == "layout.vision-dropped" })
    }

    @Test func visionAnswersAreCached() async throws {
        let cache = InMemoryCache()
        let events = StageEventRecorder()
        let (_, first) = try await read([Self.answer], cache: cache, events: events)
        first.stop()
        events.reset()
        let (evidence, second) = try await read([Self.answer], cache: cache, events: events)
        defer { second.stop() }
        #expect(events.hits(of: "vision.layout") == 1)
        #expect(second.requests.isEmpty, "nothing is paid for twice")
        #expect(evidence.pages[0].layout?.count == 6)
    }

    @Test func visionLayoutNeedsAVisionModel() {
        var configuration = ExtractorConfiguration()
        configuration.evidence.layout = .vision
        configuration.cacheDirectory = nil
        let error = #expect(throws: ExtractError.self) { try Extractor(configuration: configuration) }
        #expect(error?.code == .invalidOption)
        #expect(error?.message.contains("--vision-provider") == true)
    }
}
