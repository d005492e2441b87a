import ExtractCore
import Testing

@Suite struct OCRRoutingTests {
    private func probe(
        characters: Int = 900, density: Double = 10, images: Double = 0, unmappable: Double = 0,
        invisible: Double = 0
    ) -> TextLayerProbe {
        TextLayerProbe(
            characterCount: characters, wordCount: characters / 6, charactersPerSquareInch: density,
            imageCoverage: images, unmappableShare: unmappable, invisibleShare: invisible
        )
    }

    private let routing = OCRRouting()

    @Test func goodTextLayerIsNotOCRd() {
        #expect(!routing.decide(mode: .auto, probe: probe()).runOCR)
    }

    @Test func missingTextLayerIsOCRd() {
        #expect(routing.decide(mode: .auto, probe: probe(characters: 0, density: 0, images: 1)).runOCR)
        #expect(routing.decide(mode: .auto, probe: nil).runOCR)
    }

    @Test func brokenOrInvisibleTextIsOCRd() {
        #expect(routing.decide(mode: .auto, probe: probe(unmappable: 0.4)).runOCR)
        #expect(routing.decide(mode: .auto, probe: probe(invisible: 0.9)).runOCR)
    }

    @Test func scanWithAFewLabelsIsOCRd() {
        #expect(routing.decide(mode: .auto, probe: probe(characters: 40, density: 0.9, images: 0.95)).runOCR)
        #expect(!routing.decide(mode: .auto, probe: probe(density: 20, images: 0.95)).runOCR)
    }

    @Test func largeImageOnAGoodTextPageIsOCRdAsARegion() {
        var withImages = probe(density: 20, images: 0.3)
        // An A4 page (595 × 842 pt): a 500 × 250 pt pasted scan (25 %) and a 60 × 40 pt logo (0.5 %).
        let scan = BoundingBox(x: 40, y: 500, width: 500, height: 250)
        withImages.imageBoxes = [scan, BoundingBox(x: 20, y: 20, width: 60, height: 40)]
        let decision = routing.decide(mode: .auto, probe: withImages, pageArea: 595 * 842)
        #expect(!decision.runOCR)
        #expect(decision.regions == [scan])
        #expect(decision.ocrsRegions)
        #expect(decision.reason.contains("1 large image"))
        // Without the page area (callers that do not OCR regions) nothing changes.
        #expect(routing.decide(mode: .auto, probe: withImages).regions == nil)
    }

    @Test func smallImagesAreNotOCRd() {
        var logos = probe(density: 20, images: 0.05)
        logos.imageBoxes = [BoundingBox(x: 20, y: 20, width: 120, height: 80), BoundingBox(x: 400, y: 20, width: 150,
                                                                                             height: 90)]
        let decision = routing.decide(mode: .auto, probe: logos, pageArea: 595 * 842)
        #expect(!decision.runOCR)
        #expect(!decision.ocrsRegions)
        #expect(decision.reason == "text layer looks good")
    }

    @Test func overlappingImagesMergeIntoOneRegion() {
        // Two tiles of one screenshot, each 10 % of the page, together above the threshold.
        let tiles = [BoundingBox(x: 50, y: 100, width: 250, height: 200), BoundingBox(x: 290, y: 100, width: 250,
                                                                                      height: 200)]
        let regions = routing.imageRegions(tiles, pageArea: 595 * 842)
        #expect(regions == [BoundingBox(x: 50, y: 100, width: 490, height: 200)])
    }

    @Test func sparsePageWithAPictureIsOCRd() {
        #expect(routing.decide(mode: .auto, probe: probe(density: 7.3, images: 0.10)).runOCR)
        #expect(!routing.decide(mode: .auto, probe: probe(density: 7.3, images: 0.03)).runOCR)
        #expect(!routing.decide(mode: .auto, probe: probe(density: 16, images: 0.10)).runOCR)
    }

    @Test func modesOverrideTheProbe() {
        #expect(routing.decide(mode: .always, probe: probe()).runOCR)
        #expect(!routing.decide(mode: .never, probe: nil).runOCR)
    }
}
