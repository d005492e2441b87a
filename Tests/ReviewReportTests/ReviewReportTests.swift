import DocExtract
import Foundation
import ReviewReport
import Testing

/// The HTML generator on hand-made results: escaping, box placement, row order, values found nowhere.
struct ReviewReportTests {
    /// A field as the report JSON spells it.
    static func field(
        _ pointer: String, _ value: JSONValue, confidence: Double, review: Bool = false,
        page: Int? = 1, box: (Double, Double, Double, Double) = (10, 10, 50, 12), text: String = "printed"
    ) -> JSONValue {
        var object: JSONValue = [
            "pointer": .string(pointer), "value": value, "confidence": .number(JSONNumber(confidence)),
            "needsReview": .bool(review), "origin": "model",
        ]
        if let page, case .object(var fields) = object {
            fields["provenance"] = [
                "page": .number(JSONNumber(page)),
                "box": [
                    "x": .number(JSONNumber(box.0)), "y": .number(JSONNumber(box.1)),
                    "width": .number(JSONNumber(box.2)), "height": .number(JSONNumber(box.3)),
                ],
                "source": "text_layer", "match": "exact", "text": .string(text),
            ]
            object = .object(fields)
        }
        return object
    }

    /// An extraction result decoded from the JSON the report file uses.
    static func result(fields: [JSONValue], needsReview: [String] = [], file: String = "invoice.pdf") throws
        -> ExtractionResult
    {
        let json: JSONValue = [
            "file": .string(file), "status": needsReview.isEmpty ? "success" : "partial", "value": [:],
            "fields": .array(fields), "needsReview": .array(needsReview.map { .string($0) }), "errors": [],
            "pages": [["page": 1, "size": ["width": 600, "height": 800], "textLayerWords": 42, "ocrWords": 0]],
            "diagnostics": [],
            "usage": [
                "calls": 2, "inputTokens": 1234, "outputTokens": 56, "costUSD": 0.0125,
                "model": "openai/test-model", "attempts": 2,
            ],
            "timings": ["evidenceSeconds": 0.25, "synthesisSeconds": 1.5, "totalSeconds": 1.8, "peakResidentMiB": 90],
            "cacheHits": 3, "stagesExecuted": 1,
        ]
        return try JSONDecoder().decode(ExtractionResult.self, from: Data(json.serialized().utf8))
    }

    static let page = ReviewPage(number: 1, size: PageSize(width: 600, height: 800), png: Data([0x89, 0x50]))

    @Test func escapesEveryValueFromTheDocument() throws {
        let hostile = "<script>alert('x')</script>"
        let result = try Self.result(
            fields: [
                Self.field("/note\"<b>", .string(hostile), confidence: 0.9, text: "<img src=x onerror=alert(1)>"),
                Self.field("/other", .string("a & b"), confidence: 0.9, page: nil),
            ],
            file: "<img src=x onerror=alert(2)>.pdf"
        )
        let html = ReviewReport(result: result, pages: [Self.page]).html()
        #expect(!html.contains(hostile))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("/note\"<b>"))
        #expect(html.contains("/note&quot;&lt;b&gt;"))
        #expect(html.contains("a &amp; b"))
        // Only the report's own two scripts.
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
        #expect(
            HTMLText.escape("<a href=\"x\">'&'</a>\u{0}")
                == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\u{FFFD}")
    }

    @Test func boxesArePlacedInFractionsOfThePageFromPoints() throws {
        let placement = BoxPlacement(
            box: BoundingBox(x: 150, y: 200, width: 60, height: 40), page: PageSize(width: 600, height: 800)
        )
        #expect(
            placement
                == BoxPlacement(
                    box: BoundingBox(x: 150, y: 200, width: 60, height: 40),
                    page: PageSize(width: 600, height: 800)))
        #expect(abs(placement.left - 25) < 1e-9 && abs(placement.top - 25) < 1e-9)
        #expect(abs(placement.width - 10) < 1e-9 && abs(placement.height - 5) < 1e-9)
        #expect(
            placement.css() == "left:calc(25.0000% - 3px);top:calc(25.0000% - 3px);"
                + "width:calc(10.0000% + 6px);height:calc(5.0000% + 6px)")
        // A box running off the page is clipped to it.
        let clipped = BoxPlacement(
            box: BoundingBox(x: 580, y: -10, width: 100, height: 30),
            page: PageSize(width: 600, height: 800))
        #expect(abs(clipped.left + clipped.width - 100) < 1e-9 && clipped.top == 0)
        #expect(abs(clipped.height - 2.5) < 1e-9)

        let result = try Self.result(fields: [Self.field("/total", 10, confidence: 0.95, box: (150, 200, 60, 40))])
        let html = ReviewReport(result: result, pages: [Self.page]).html()
        #expect(html.contains("style=\"\(placement.css())\""))
        #expect(html.contains("aspect-ratio:600.000 / 800.000;--ratio:0.750000"))
        #expect(html.contains("class=\"box band-high\" id=\"box-f0\""))
    }

    @Test func fieldsThatNeedReviewComeFirstLeastConfidentFirst() throws {
        let result = try Self.result(
            fields: [
                Self.field("/a", 1, confidence: 0.9), Self.field("/b", 2, confidence: 0.5, review: true),
                Self.field("/c", 3, confidence: 0.3, review: true), Self.field("/d", 4, confidence: 0.7),
            ],
            needsReview: ["/c", "/b"]
        )
        let report = ReviewReport(result: result, pages: [Self.page])
        #expect(report.rows.map(\.field.pointer) == ["/c", "/b", "/a", "/d"])
        #expect(report.rows.map(\.band) == [.low, .low, .high, .medium])
        let html = report.html()
        let order = ["row-f2", "row-f1", "row-f0", "row-f3"].map { html.range(of: "id=\"\($0)\"")!.lowerBound }
        #expect(order == order.sorted())
        // One tab stop for the table: the first row.
        #expect(
            html.contains(
                "id=\"row-f2\" class=\"field-row band-low needs-review\" data-field=\"f2\" "
                    + "data-pointer=\"/c\" tabindex=\"0\""))
        #expect(html.components(separatedBy: "tabindex=\"0\"").count - 1 == 1)
    }

    @Test func valuesWithoutProvenanceAreListedAsSuch() throws {
        let result = try Self.result(
            fields: [
                Self.field("/found", "A", confidence: 0.9),
                Self.field("/lost", "nowhere", confidence: 0.2, review: true, page: nil),
            ],
            needsReview: ["/lost"])
        let html = ReviewReport(result: result, pages: [Self.page]).html()
        let missing = try #require(html.range(of: "<ul class=\"plain\" id=\"missing\""))
        let list = html[missing.lowerBound...].prefix { $0 != "\n" }
        #expect(list.contains("<code>/lost</code> = nowhere"))
        #expect(!list.contains("/found"))
        #expect(html.contains("id=\"box-f0\""))
        #expect(!html.contains("id=\"box-f1\""), "no box for a value found nowhere")
        #expect(html.contains("<td class=\"missing\">not found in the document</td>"))
    }

    @Test func summaryAndSelfContainment() throws {
        let result = try Self.result(fields: [Self.field("/total", 10, confidence: 0.95)])
        let html = ReviewReport(result: result, pages: [Self.page]).html()
        for text in [
            "openai/test-model", "1234 in, 56 out", "$0.0125", "3 hits, 1 executed", "1.80 s",
            "Page 1: not decided (42 text-layer words, 0 OCR words)",
        ] {
            #expect(html.contains(text), "\(text)")
        }
        #expect(html.contains("src=\"data:image/png;base64,\(Self.page.png!.base64EncodedString())\""))
        #expect(html.contains("Content-Security-Policy"))
        #expect(!html.contains("http://") && !html.contains("https://"), "nothing is loaded from the network")
        #expect(html.contains("@media print"))
        // A page known from the result but given no image is drawn blank, with its boxes.
        let blank = ReviewReport(result: result, pages: []).html()
        #expect(blank.contains("no image of this page") && blank.contains("id=\"box-f0\""))
    }
}
