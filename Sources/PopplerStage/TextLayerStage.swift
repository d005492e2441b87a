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
    public var identity: StageIdentity { StageIdentity(name: "poppler.text", version: 1) }

    public func run(_ input: PageRequest) async throws -> Output {
        let (text, probe) = try await reader.textLayer(input.source, page: input.page)
        return Output(text: text, probe: probe)
    }
}
