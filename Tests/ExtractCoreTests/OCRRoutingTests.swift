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
