import ExtractCore
import Foundation
import JSONCore
import JSONSchema
import ModelClients
import PopplerStage

/// Layout from a vision model: the rendered page goes to the model, which answers regions as JSON against
/// ``VisionLayoutStage/answerSchema``; the answer is validated with our validator and its boxes mapped from
/// the model's 0–1000 page coordinates to points. Boxes outside the page are clipped, and regions left with
/// no area are dropped (reported in ``Output/dropped``).
public struct VisionLayoutStage: Stage {
    /// One region as the model placed it, in points.
    public struct Region: Sendable, Hashable, Codable {
        /// The region's kind.
        public var kind: LayoutRegion.Kind
        /// The box in points from the page's top-left corner.
        public var box: BoundingBox
        /// Reading order given by the model.
        public var order: Int
    }

    /// The stage's output.
    public struct Output: Sendable, Hashable, Codable {
        /// Regions in the model's reading order.
        public var regions: [Region]
        /// Regions dropped because their box lay outside the page.
        public var dropped: Int
    }

    private let reader: PDFReader
    private let model: any LanguageModel
    /// Render resolution. Default 150 dpi.
    public var dpi: Double
    /// Longest side of the image sent, in pixels. Default 1,400.
    public var maximumSide: Int
    private static let promptVersion = 1

    /// A stage rendering through `reader` and asking `model`.
    public init(reader: PDFReader, model: any LanguageModel, dpi: Double = 150, maximumSide: Int = 1400) {
        self.reader = reader
        self.model = model
        self.dpi = dpi
        self.maximumSide = maximumSide
    }

    /// `vision.layout` with the model, resolution and prompt version.
    public var identity: StageIdentity {
        StageIdentity(name: "vision.layout", version: 1, options: [
            "provider": model.descriptor.provider, "model": model.descriptor.model, "dpi": String(dpi),
            "max_side": String(maximumSide), "prompt": String(Self.promptVersion),
        ])
    }

    /// The JSON Schema the model's answer must validate against.
    public static let answerSchema: JSONValue = [
        "type": "object",
        "properties": [
            "regions": [
                "type": "array",
                "maxItems": 200,
                "items": [
                    "type": "object",
                    "properties": [
                        "kind": ["enum": .array(LayoutRegion.Kind.allCases.map { .string($0.rawValue) })],
                        "box": [
                            "type": "array", "minItems": 4, "maxItems": 4,
                            "items": ["type": "number"],
                            "description": "[x0, y0, x1, y1] in 0-1000 page coordinates, origin top-left",
                        ],
                    ],
                    "required": ["kind", "box"],
                ],
            ],
        ],
        "required": ["regions"],
    ]

    private static let compiledSchema: JSONSchema = try! JSONSchema(answerSchema)

    static let instructions = """
        You analyse the layout of a document page image. List its regions in reading order (a two-column page \
        column by column). Kinds: title, heading, paragraph, list, table, figure, key_value, page_header, \
        page_footer, caption. Give each box as [x0, y0, x1, y1] in coordinates from 0 to 1000 across the page's \
        width and height, origin at the top-left. Answer with JSON only: {"regions": [{"kind": …, "box": […]}]}.
        """

    public func run(_ input: PageRequest) async throws -> Output {
        let (png, _) = try await reader.renderPNG(input.source, page: input.page, dpi: dpi, maximumSide: maximumSide)
        let size = try await reader.info(input.source).pageSizes[input.page - 1]
        let response = try await model.complete(ChatRequest(
            system: Self.instructions,
            user: [.image(ImageContent(data: png, mimeType: "image/png")), .text("Page \(input.page).")],
            responseSchema: ResponseSchema(name: "layout", schema: Self.answerSchema), temperature: 0,
            maxOutputTokens: 4096
        ))
        let answer: JSONValue
        do {
            answer = try response.json()
        } catch {
            throw ExtractError(.noValidOutput, "the vision model's layout answer is not JSON: \(error)",
                               path: input.source.displayName, page: input.page)
        }
        let result = Self.compiledSchema.validate(answer)
        guard result.isValid else {
            throw ExtractError(
                .noValidOutput,
                "the vision model's layout answer does not validate: \(result.errors.prefix(3).map(\.description))",
                path: input.source.displayName, page: input.page
            )
        }
        return Self.map(answer, to: size)
    }

    /// Maps an answer's 0–1000 boxes to points on a page of `size`, clipping to the page.
    static func map(_ answer: JSONValue, to size: PageSize) -> Output {
        var regions: [Region] = []
        var dropped = 0
        for (index, item) in (answer["regions"]?.arrayValue ?? []).enumerated() {
            guard let kind = item["kind"]?.stringValue.flatMap(LayoutRegion.Kind.init(rawValue:)),
                  let numbers = item["box"]?.arrayValue?.compactMap(\.doubleValue), numbers.count == 4
            else {
                dropped += 1
                continue
            }
            let clip = { (value: Double) in min(1000, max(0, value)) }
            let x0 = clip(min(numbers[0], numbers[2])), x1 = clip(max(numbers[0], numbers[2]))
            let y0 = clip(min(numbers[1], numbers[3])), y1 = clip(max(numbers[1], numbers[3]))
            guard x1 - x0 > 1, y1 - y0 > 1 else {
                dropped += 1
                continue
            }
            regions.append(Region(
                kind: kind,
                box: BoundingBox(x: x0 / 1000 * size.width, y: y0 / 1000 * size.height,
                                 width: (x1 - x0) / 1000 * size.width, height: (y1 - y0) / 1000 * size.height),
                order: index
            ))
        }
        return Output(regions: regions, dropped: dropped)
    }

    /// Fills the model's regions with the page's lines (each line goes to the region holding its centre, the
    /// smallest when several do); lines in no region keep their own order in a trailing paragraph region.
    public static func regions(_ output: Output, text: PageText) -> [LayoutRegion] {
        var buckets = Array(repeating: [TextLine](), count: output.regions.count)
        var rest: [TextLine] = []
        for line in text.lines where !line.words.isEmpty {
            let holders = output.regions.indices.filter { index in
                let box = output.regions[index].box
                return box.x <= line.box.midX && line.box.midX <= box.maxX && box.y <= line.box.midY
                    && line.box.midY <= box.maxY
            }
            if let best = holders.min(by: { output.regions[$0].box.area < output.regions[$1].box.area }) {
                buckets[best].append(line)
            } else {
                rest.append(line)
            }
        }
        var regions: [LayoutRegion] = []
        for (index, region) in output.regions.enumerated() where !buckets[index].isEmpty {
            regions.append(LayoutRegion(kind: region.kind, box: region.box, order: regions.count,
                                        lines: buckets[index], source: text.source))
        }
        if !rest.isEmpty {
            regions.append(LayoutRegion(kind: .paragraph, box: BoundingBox.enclosing(rest.map(\.box))!,
                                        order: regions.count, lines: rest, source: text.source))
        }
        return regions
    }
}
