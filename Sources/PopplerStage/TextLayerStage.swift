import ExtractCore

/// The text layer of one page and its probe: what the PDF itself says is printed there.
public struct TextLayerStage: Stage {
    /// The stage's output.
    public struct Output: Sendable, Hashable, Codable {
        /// Words and lines with boxes and font sizes.
        public var text: PageText
        /// Signals about the text layer's quality, for routing.
        public var probe: TextLayerProbe

        /// An output (the stage makes them; worker processes rebuild them).
        public init(text: PageText, probe: TextLayerProbe) {
            self.text = text
            self.probe = probe
        }
    }

    private let reader: PDFReader

    /// A stage that reads pages through `reader`'s worker threads.
    public init(reader: PDFReader) {
        self.reader = reader
    }

    /// `poppler.text`; bump the version whenever word or line assembly or the probe changes.
    /// Version 2: the probe records the boxes of the page's larger images (for OCR of image regions).
    public var identity: StageIdentity { Self.identity }

    /// The identity of the text-layer stage, wherever it runs (in process or in a worker).
    public static let identity = StageIdentity(name: "poppler.text", version: 2)

    public func run(_ input: PageRequest) async throws -> Output {
        let (text, probe) = try await reader.textLayer(input.source, page: input.page)
        return Output(text: text, probe: probe)
    }
}
