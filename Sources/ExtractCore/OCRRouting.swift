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
    /// On a page whose text layer is used, an embedded image covering at least this share of the page (after
    /// merging overlapping images) is OCR'd on its own: a pasted scan of a signature block or a screenshot of a
    /// table carries text the text layer lacks. Smaller images (logos, icons, photos of a product) are not —
    /// each region costs a render and an OCR pass. Default 0.15.
    public var minimumImageRegionShare: Double

    /// The defaults, tuned on the project's samples and the shared corpus.
    public init(
        minimumCharactersPerSquareInch: Double = 0.5,
        maximumUnmappableShare: Double = 0.10,
        maximumInvisibleShare: Double = 0.5,
        imageCoverageForOCR: Double = 0.08,
        sparseTextCharactersPerSquareInch: Double = 8,
        minimumImageRegionShare: Double = 0.15
    ) {
        self.minimumCharactersPerSquareInch = minimumCharactersPerSquareInch
        self.maximumUnmappableShare = maximumUnmappableShare
        self.maximumInvisibleShare = maximumInvisibleShare
        self.imageCoverageForOCR = imageCoverageForOCR
        self.sparseTextCharactersPerSquareInch = sparseTextCharactersPerSquareInch
        self.minimumImageRegionShare = minimumImageRegionShare
    }

    /// The decision for one page under a mode; `pageArea` (square points) lets `auto` pick large images to OCR
    /// on pages whose text layer is used.
    public func decide(mode: OCRMode, probe: TextLayerProbe?, pageArea: Double? = nil) -> OCRDecision {
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
        let regions = pageArea.map { imageRegions(probe.imageBoxes ?? [], pageArea: $0) } ?? []
        guard !regions.isEmpty, let pageArea else {
            return OCRDecision(runOCR: false, reason: "text layer looks good")
        }
        let share = regions.reduce(0) { $0 + $1.area } / pageArea
        let count = regions.count == 1 ? "1 large image" : "\(regions.count) large images"
        return OCRDecision(
            runOCR: false,
            reason: "text layer looks good; \(count) (\(Int((share * 100).rounded())) % of the page) OCR'd",
            regions: regions
        )
    }

    /// The image areas to OCR on a page of `pageArea` square points: overlapping images merged, then those
    /// covering at least ``minimumImageRegionShare`` of the page, top to bottom.
    public func imageRegions(_ images: [BoundingBox], pageArea: Double) -> [BoundingBox] {
        guard pageArea > 0 else { return [] }
        var merged: [BoundingBox] = []
        for image in images where image.area > 0 {
            var box = image
            // Absorb every region the growing box touches, until nothing changes.
            var changed = true
            while changed {
                changed = false
                for (index, other) in merged.enumerated().reversed() where box.intersection(other) != nil {
                    box = box.union(other)
                    merged.remove(at: index)
                    changed = true
                }
            }
            merged.append(box)
        }
        return merged.filter { $0.area / pageArea >= minimumImageRegionShare }
            .sorted { ($0.y, $0.x) < ($1.y, $1.x) }
    }
}
