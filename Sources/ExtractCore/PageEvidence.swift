/// What the evidence stages found on one page.
public struct PageEvidence: Sendable, Hashable, Codable {
    /// 1-based page number, as a person would say it.
    public var number: Int
    /// The page size in points (after rotation).
    public var size: PageSize
    /// The PDF text layer, when the page has one.
    public var textLayer: PageText?
    /// Signals about the text layer's quality.
    public var probe: TextLayerProbe?
    /// OCR of the rendered page, when it was run.
    public var ocr: PageText?
    /// Why OCR was or was not run on this page.
    public var ocrDecision: OCRDecision?
    /// Regions in reading order, when layout analysis ran.
    public var layout: [LayoutRegion]?

    /// Creates page evidence.
    public init(
        number: Int,
        size: PageSize,
        textLayer: PageText? = nil,
        probe: TextLayerProbe? = nil,
        ocr: PageText? = nil,
        ocrDecision: OCRDecision? = nil,
        layout: [LayoutRegion]? = nil
    ) {
        self.layout = layout
        self.number = number
        self.size = size
        self.textLayer = textLayer
        self.probe = probe
        self.ocr = ocr
        self.ocrDecision = ocrDecision
    }
}
