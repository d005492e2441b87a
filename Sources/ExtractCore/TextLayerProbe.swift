/// Signals about the quality of a page's text layer, measured before deciding whether to OCR the page.
public struct TextLayerProbe: Sendable, Hashable, Codable {
    /// Number of non-space characters in the text layer.
    public var characterCount: Int
    /// Number of words in the text layer.
    public var wordCount: Int
    /// Non-space characters per square inch of page.
    public var charactersPerSquareInch: Double
    /// Share of the page area covered by images, from 0 to 1.
    public var imageCoverage: Double
    /// Share of characters that are unmappable: U+FFFD, private-use code points or control characters.
    public var unmappableShare: Double
    /// Share of words whose area has no visible ink when the page is rendered (invisible or white text).
    public var invisibleShare: Double
    /// Boxes of the page's embedded images that cover at least ``minimumRecordedImageShare`` of the page each,
    /// largest first, at most ``maximumRecordedImages`` (points, top-left origin). Routing OCRs the large ones
    /// on pages whose text layer is used (a pasted scan, a screenshot of a table). Nil when not measured.
    public var imageBoxes: [BoundingBox]?

    /// Images smaller than this share of the page (logos, icons, rules) are not recorded in ``imageBoxes``.
    public static let minimumRecordedImageShare = 0.01
    /// At most this many images are recorded in ``imageBoxes`` (the largest).
    public static let maximumRecordedImages = 16

    /// Creates a probe result.
    public init(
        characterCount: Int,
        wordCount: Int,
        charactersPerSquareInch: Double,
        imageCoverage: Double,
        unmappableShare: Double,
        invisibleShare: Double,
        imageBoxes: [BoundingBox]? = nil
    ) {
        self.characterCount = characterCount
        self.wordCount = wordCount
        self.charactersPerSquareInch = charactersPerSquareInch
        self.imageCoverage = imageCoverage
        self.unmappableShare = unmappableShare
        self.invisibleShare = invisibleShare
        self.imageBoxes = imageBoxes
    }
}
