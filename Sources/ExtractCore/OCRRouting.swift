/// Decides from a page's text-layer probe whether the page needs OCR.
///
/// The thresholds are deliberately conservative: a page that might be scanned is OCR'd, because a scanned
/// page that comes back empty is the worst failure a user can see.
public struct OCRRouting: Sendable, Hashable {
    /// Below this density of characters per square inch the text layer is treated as missing.
    public var minimumCharactersPerSquareInch: Double
    /// At or above this share of unmappable glyphs the text layer is treated as broken.
    public var maximumUnmappableShare: Double
    /// At or above this share of invisible words the text layer is not trusted.
    public var maximumInvisibleShare: Double
    /// At or above this image coverage, a page with little text is OCR'd as well: a scan with a few labels, or
    /// a letterhead or address block embedded as a picture (invoice2data's saeco: 10 % image, 7 chars/in²).
    /// Logos cover 0-3 % of the dev documents' pages.
    public var imageCoverageForOCR: Double
    /// Characters per square inch below which an image-heavy page counts as "little text".
    public var sparseTextCharactersPerSquareInch: Double

    /// The defaults, tuned on the project's samples and the shared corpus.
    public init(
        minimumCharactersPerSquareInch: Double = 0.5,
        maximumUnmappableShare: Double = 0.10,
        maximumInvisibleShare: Double = 0.5,
        imageCoverageForOCR: Double = 0.08,
        sparseTextCharactersPerSquareInch: Double = 8
    ) {
        self.minimumCharactersPerSquareInch = minimumCharactersPerSquareInch
        self.maximumUnmappableShare = maximumUnmappableShare
        self.maximumInvisibleShare = maximumInvisibleShare
        self.imageCoverageForOCR = imageCoverageForOCR
        self.sparseTextCharactersPerSquareInch = sparseTextCharactersPerSquareInch
    }

    /// The decision for one page under a mode.
    public func decide(mode: OCRMode, probe: TextLayerProbe?) -> OCRDecision {
        switch mode {
        case .always:
            return OCRDecision(runOCR: true, reason: "OCR requested for every page")
        case .never:
            return OCRDecision(runOCR: false, reason: "OCR disabled")
        case .auto:
            break
        }
        guard let probe, probe.characterCount > 0 else {
            return OCRDecision(runOCR: true, reason: "no text layer")
        }
        if probe.charactersPerSquareInch < minimumCharactersPerSquareInch {
            return OCRDecision(runOCR: true, reason: "text layer nearly empty")
        }
        if probe.unmappableShare >= maximumUnmappableShare {
            return OCRDecision(runOCR: true, reason: "text layer has unmappable glyphs")
        }
        if probe.invisibleShare >= maximumInvisibleShare {
            return OCRDecision(runOCR: true, reason: "text layer is mostly invisible")
        }
        if probe.imageCoverage >= imageCoverageForOCR,
           probe.charactersPerSquareInch < sparseTextCharactersPerSquareInch {
            return OCRDecision(runOCR: true, reason: "page has little text and an image that may hold more")
        }
        return OCRDecision(runOCR: false, reason: "text layer looks good")
    }
}
