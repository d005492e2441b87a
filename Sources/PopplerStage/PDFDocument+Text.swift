import CPoppler
import ExtractCore

extension PDFDocument {
    /// The text layer of page `number` as lines of words with boxes (points, top-left origin) and font sizes.
    public func textLayer(page number: Int) throws -> PageText {
        try withPage(number) { page in PageText(source: .textLayer, lines: Self.lines(of: page)) }
    }

    static func lines(of page: OpaquePointer) -> [TextLine] {
        guard let rawText = poppler_page_get_text(page) else { return [] }
        defer { g_free(rawText) }
        let scalars = Array(String(cString: rawText).unicodeScalars)
        guard !scalars.isEmpty else { return [] }

        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var rectangleCount: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &rectangleCount) != 0, let rectangles else {
            return []
        }
        defer { g_free(rectangles) }

        var fontSizes = [Double?](repeating: nil, count: scalars.count)
        if let attributes = poppler_page_get_text_attributes(page) {
            defer { poppler_page_free_text_attributes(attributes) }
            var node: UnsafeMutablePointer<GList>? = attributes
            while let current = node {
                if let data = current.pointee.data {
                    let attribute = data.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                    let lower = max(0, Int(attribute.start_index))
                    let upper = min(scalars.count - 1, Int(attribute.end_index))
                    if lower <= upper {
                        for index in lower...upper { fontSizes[index] = attribute.font_size }
                    }
                }
                node = current.pointee.next
            }
        }

        let count = min(scalars.count, Int(rectangleCount))
        var glyphs: [TextLayoutAssembler.Glyph] = []
        glyphs.reserveCapacity(count)
        for index in 0..<count {
            let rect = rectangles[index]
            glyphs.append(
                TextLayoutAssembler.Glyph(
                    scalar: scalars[index],
                    box: BoundingBox(x1: rect.x1, y1: rect.y1, x2: rect.x2, y2: rect.y2),
                    fontSize: fontSizes[index]
                )
            )
        }
        return TextLayoutAssembler().assemble(glyphs)
    }

    /// Share of the page covered by images, from 0 to 1 (overlapping images are counted once).
    public func imageCoverage(page number: Int) throws -> Double {
        let size = try pageSize(number)
        return CoverageGrid.coverage(of: try imageBoxes(page: number), within: size)
    }

    /// Where the page's embedded images are drawn: one box per image (points, top-left origin, clipped to
    /// the page), in the order Poppler lists them.
    public func imageBoxes(page number: Int) throws -> [BoundingBox] {
        try withPage(number) { page in
            var width = 0.0
            var height = 0.0
            poppler_page_get_size(page, &width, &height)
            guard width > 0, height > 0, let mapping = poppler_page_get_image_mapping(page) else { return [] }
            defer { poppler_page_free_image_mapping(mapping) }
            let bounds = PageSize(width: width, height: height).bounds
            var boxes: [BoundingBox] = []
            var node: UnsafeMutablePointer<GList>? = mapping
            while let current = node {
                if let data = current.pointee.data {
                    let area = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
                    if let box = BoundingBox(x1: area.x1, y1: area.y1, x2: area.x2, y2: area.y2).intersection(bounds) {
                        boxes.append(box)
                    }
                }
                node = current.pointee.next
            }
            return boxes
        }
    }
}
