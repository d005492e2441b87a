import DocExtract
import ExtractTestSupport
import Foundation
import PopplerStage
import ReviewReport
import Testing

/// `extract … --review review.html` end to end (fake model server), then the page in a real headless
/// chromium: no console errors, the box of a known value drawn over the word (pixel check of a screenshot),
/// and rows and boxes linked both ways (a self-test in the page, run through `#selftest=<pointer>`).
@Suite(.serialized) struct ReviewBrowserTests {
    static let browser = HeadlessBrowser.installed()
    static let missingBrowser = "chromium is not installed (`make setup` or `apt-get install chromium` installs it)"
    static let expected = try! String(contentsOf: Fixtures.sample("expected/invoice.json"), encoding: .utf8)
    static let knownPointer = "/invoice_number"
    static let window = (width: 1400, height: 1200)

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dx-review-\(UUID())")

    /// Runs the real command on the sample invoice; returns the review page and the report JSON.
    private func makeReview() throws -> (html: URL, report: JSONValue) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(
            contentsOf: Array(
                repeating: RecordedModelAnswers.openAIChatCompletion(content: Self.expected), count: 4
            ))
        let html = folder.appendingPathComponent("review.html")
        let report = folder.appendingPathComponent("report.json")
        let run = try CommandRunner().run([
            "samples/invoice.pdf", "--schema", "schemas/invoice.schema.json", "--provider", "openai",
            "--base-url", server.baseURL + "/v1", "--model", "test-model", "--no-cache",
            "--review", html.path, "--report", report.path, "-o", folder.appendingPathComponent("out.json").path,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        return (html, try JSONValue(parsing: Data(contentsOf: report)))
    }

    private func knownField(_ report: JSONValue) throws -> (box: BoundingBox, page: Int, band: ConfidenceBand) {
        let fields = try #require(report["fields"]?.arrayValue)
        let field = try #require(fields.first { $0["pointer"]?.stringValue == Self.knownPointer })
        let place = try #require(field["provenance"], "the known value has provenance")
        let box = try JSONDecoder().decode(BoundingBox.self, from: Data(try #require(place["box"]).serialized().utf8))
        let confidence = try #require(field["confidence"]?.doubleValue)
        return (
            box, try #require(place["page"]?.intValue),
            ConfidenceBand(confidence: confidence, needsReview: field["needsReview"]?.boolValue ?? true)
        )
    }

    /// The self-test's findings, read back from the dumped DOM.
    private func selfTest(_ html: URL, browser: HeadlessBrowser) throws -> (JSONValue, HeadlessBrowser.Run) {
        var components = URLComponents(url: html, resolvingAgainstBaseURL: false)!
        components.fragment = "selftest=" + Self.knownPointer
        let run = try browser.dumpDOM(components.url!, width: Self.window.width, height: Self.window.height)
        let start = try #require(run.output.range(of: "<pre id=\"selftest-result\">"), "\(run.output.prefix(300))")
        let end = try #require(run.output.range(of: "</pre>", range: start.upperBound..<run.output.endIndex))
        let text = run.output[start.upperBound..<end.lowerBound].replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return (try JSONValue(parsing: text), run)
    }

    @Test func theCommandWritesOneSelfContainedPage() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (url, report) = try makeReview()
        let html = try String(contentsOf: url, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "data:image/png;base64,").count - 1 == report["pages"]?.arrayValue?.count)
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("data-pointer=\"\(Self.knownPointer)\""))
        #expect((report["pages"]?[0]?["size"]?["width"]?.doubleValue ?? 0) > 0, "page sizes are in the report")
        // The embedded image is at most 1400 pixels on its long side.
        let base64Start = try #require(html.range(of: "data:image/png;base64,")).upperBound
        let base64 = html[base64Start...].prefix { $0 != "\"" }
        let image = try PNGImage(try #require(Data(base64Encoded: String(base64))))
        #expect(max(image.width, image.height) <= 1400 && max(image.width, image.height) >= 1000)
    }

    @Test(.enabled(if: ReviewBrowserTests.browser != nil, Comment(rawValue: ReviewBrowserTests.missingBrowser)))
    func loadsWithoutConsoleErrorsAndRowsAndBoxesAreLinked() throws {
        let browser = try #require(Self.browser)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The console check itself works: a page that logs is caught.
        let control = folder.appendingPathComponent("control.html")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "<!DOCTYPE html><script>console.error('control message')</script>".write(
            to: control, atomically: true, encoding: .utf8)
        #expect(try browser.dumpDOM(control).consoleMessages.contains { $0.contains("control message") })

        let (url, _) = try makeReview()
        let plain = try browser.dumpDOM(url, width: Self.window.width, height: Self.window.height)
        #expect(plain.consoleMessages.isEmpty, "\(plain.consoleMessages)")
        #expect(plain.output.contains("<pre id=\"selftest-result\"></pre>"), "the self-test runs only when asked")

        let (result, run) = try selfTest(url, browser: browser)
        #expect(run.consoleMessages.isEmpty, "\(run.consoleMessages)")
        #expect(result["failure"] == nil, "\(result.serialized())")
        #expect(result["errors"]?.arrayValue?.isEmpty == true, "\(result.serialized())")
        #expect(result["labelsShown"]?.boolValue == true, "pointer labels are shown by default")
        #expect(result["rowClick"]?["rowActive"]?.boolValue == true)
        #expect(result["rowClick"]?["boxActive"]?.boolValue == true, "clicking the row highlights its box")
        #expect(result["rowClick"]?["activeBoxes"]?.intValue == 1)
        #expect(result["rowClick"]?["boxOutline"]?.stringValue == "solid")
        #expect(result["boxClick"]?["rowActive"]?.boolValue == true, "clicking a box highlights its row")
        #expect(result["boxClick"]?["rowFocused"]?.boolValue == true)
        #expect(result["boxClick"]?["previousCleared"]?.boolValue == true)
        for key in ["arrowDown", "enter", "arrowUp", "space", "singleTabStop"] {
            #expect(result["keyboard"]?[key]?.boolValue == true, "keyboard: \(key)")
        }
    }

    @Test(.enabled(if: ReviewBrowserTests.browser != nil, Comment(rawValue: ReviewBrowserTests.missingBrowser)))
    func screenshotShowsTheBoxOfAKnownValueOverItsWord() throws {
        let browser = try #require(Self.browser)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (url, report) = try makeReview()
        let known = try knownField(report)
        let pageSize = try PDFDocument(.file(Fixtures.sample("invoice.pdf").path)).pageSize(known.page)

        // The provenance box is the printed word, as the text layer reads it independently.
        let text = try PDFDocument(.file(Fixtures.sample("invoice.pdf").path)).textLayer(page: known.page)
        let value = "INV-2024-00417"
        #expect(Self.expected.contains(value))
        let word = try #require(text.words.first { $0.text == value }, "the invoice number is printed")
        #expect(word.box.intersectionOverUnion(known.box) > 0.6, "\(word.box) vs \(known.box)")

        // Where the page image is drawn (from the DOM), and where the box must then be on screen.
        let (geometry, _) = try selfTest(url, browser: browser)
        let image = try #require(geometry["image"])
        let (imageLeft, imageTop) = (image["left"]!.doubleValue!, image["top"]!.doubleValue!)
        let scale = image["width"]!.doubleValue! / pageSize.width
        #expect(abs(image["height"]!.doubleValue! / pageSize.height - scale) < 0.01, "boxes scale evenly")
        let left = imageLeft + word.box.x * scale
        let top = imageTop + word.box.y * scale
        let right = imageLeft + word.box.maxX * scale
        let bottom = imageTop + word.box.maxY * scale
        #expect(bottom + 4 < Double(Self.window.height), "the word is in the first screen")

        // Labels off: in a dense form the next line's label may sit over this box's bottom edge.
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
        components.fragment = "labels=off"
        let shot = try browser.screenshot(components.url!, width: Self.window.width, height: Self.window.height)
        #expect(shot.run.consoleMessages.isEmpty, "\(shot.run.consoleMessages)")
        try? shot.png.write(to: FileManager.default.temporaryDirectory.appendingPathComponent("dx-review-shot.png"))
        let color = known.band.color
        func isBand(_ x: Double, _ y: Double) -> Bool {
            // The 2-pixel border lies 1 to 3 pixels outside the word: look within a pixel of its middle.
            for dx in -1...1 {
                for dy in -1...1 {
                    let pixel = shot.image.pixel(x: Int(x.rounded()) + dx, y: Int(y.rounded()) + dy)
                    let distance =
                        abs(Int(pixel.red) - Int(color.red)) + abs(Int(pixel.green) - Int(color.green))
                        + abs(Int(pixel.blue) - Int(color.blue))
                    if distance < 60 { return true }
                }
            }
            return false
        }
        let (midX, midY) = ((left + right) / 2, (top + bottom) / 2)
        #expect(isBand(left - 2, midY), "left edge of the box")
        #expect(isBand(right + 2, midY), "right edge of the box")
        // (Its bottom edge may lie under the top edge of the next line's box.)
        #expect(isBand(midX, top - 2), "top edge of the box")
        #expect(!isBand(left - 9, midY) && !isBand(right + 9, midY), "nothing of the band's colour beside it")
        // The word's own ink shows through inside the box.
        var dark = 0
        for y in Int(top.rounded(.up))..<Int(bottom.rounded(.down)) {
            for x in Int(left.rounded(.up))..<Int(right.rounded(.down)) {
                let pixel = shot.image.pixel(x: x, y: y)
                if Int(pixel.red) + Int(pixel.green) + Int(pixel.blue) < 3 * 110 { dark += 1 }
            }
        }
        let area = (right - left) * (bottom - top)
        #expect(Double(dark) > area * 0.08, "\(dark) dark pixels of \(Int(area))")
    }
}
