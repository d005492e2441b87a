import ExtractCore

extension PDFDocument {
    /// Measures the quality of page `number`'s text layer, given that layer (see ``TextLayerProbe``).
    ///
    /// Invisible text (render mode 3, or white on white, as in OCR'd scans or hostile documents) is found by
    /// rendering the page at a low resolution and checking each word's area for ink.
    public func probe(page number: Int, textLayer: PageText) throws -> TextLayerProbe {
        let size = try pageSize(number)
        let words = textLayer.words
        var characters = 0
        var unmappable = 0
        for word in words {
            for scalar in word.text.unicodeScalars {
                characters += 1
                if Self.isUnmappable(scalar) { unmappable += 1 }
            }
        }
        var invisibleShare = 0.0
        if !words.isEmpty {
            let image = try renderGray(page: number, dpi: 50, maximumPixels: 4_000_000)
            let invisible = words.filter { !Self.hasInk(in: $0.box, image: image) }.count
            invisibleShare = Double(invisible) / Double(words.count)
        }
        let area = size.areaSquareInches
        let images = try imageBoxes(page: number)
        let pagePoints = size.width * size.height
        let minimumArea = pagePoints * TextLayerProbe.minimumRecordedImageShare
        let recorded = images.filter { pagePoints > 0 && $0.area >= minimumArea }.sorted { $0.area > $1.area }
            .prefix(TextLayerProbe.maximumRecordedImages)
        return TextLayerProbe(
            characterCount: characters,
            wordCount: words.count,
            charactersPerSquareInch: area > 0 ? Double(characters) / area : 0,
            imageCoverage: CoverageGrid.coverage(of: images, within: size),
            unmappableShare: characters > 0 ? Double(unmappable) / Double(characters) : 0,
            invisibleShare: invisibleShare,
            imageBoxes: Array(recorded)
        )
    }

    static func isUnmappable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFFFD, 0xE000...0xF8FF, 0xF0000...0x10FFFF: true
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    static func hasInk(in box: BoundingBox, image: GrayImage) -> Bool {
        let scale = image.dpi / 72
        let left = max(0, Int((box.x * scale).rounded(.down)))
        let right = min(image.width - 1, Int((box.maxX * scale).rounded(.up)))
        let top = max(0, Int((box.y * scale).rounded(.down)))
        let bottom = min(image.height - 1, Int((box.maxY * scale).rounded(.up)))
        guard left <= right, top <= bottom else { return false }
        var darkest: UInt8 = 255
        var brightest: UInt8 = 0
        for row in top...bottom {
            let base = row * image.width
            for column in left...right {
                let value = image.pixels[base + column]
                darkest = min(darkest, value)
                brightest = max(brightest, value)
            }
        }
        // Ink is contrast inside the box: dark text on light ground or light text on dark ground.
        return Int(brightest) - Int(darkest) >= 40
    }
}
