import CPoppler
import ExtractCore

extension PDFDocument {
    /// A page counts as one scanned image when a single embedded image covers at least this share of it.
    public static let scanImageShare = 0.5

    /// The resolution of the scan on page `number`, in pixels per inch of the page: for a page whose largest
    /// embedded image covers at least ``scanImageShare`` of it, the image's pixels divided by the inches it is
    /// drawn over (the larger of the two axes); nil for any other page.
    ///
    /// Rendering a scanned page at this resolution hands OCR the scanner's own pixels: a higher resolution only
    /// interpolates them (a 96-ppi receipt at 300 dpi is ten times the pixels and reads worse), a lower one
    /// throws detail away.
    public func scanResolution(page number: Int) throws -> Double? {
        try withPage(number) { page in
            var width = 0.0
            var height = 0.0
            poppler_page_get_size(page, &width, &height)
            guard width > 0, height > 0, let mapping = poppler_page_get_image_mapping(page) else { return nil }
            defer { poppler_page_free_image_mapping(mapping) }
            let bounds = PageSize(width: width, height: height).bounds
            var largest: (id: Int32, box: BoundingBox, full: BoundingBox)?
            var node: UnsafeMutablePointer<GList>? = mapping
            while let current = node {
                if let data = current.pointee.data {
                    let image = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee
                    // The image's own box (before clipping to the page) is what its pixels are spread over.
                    let full = BoundingBox(x1: image.area.x1, y1: image.area.y1, x2: image.area.x2, y2: image.area.y2)
                    if let box = full.intersection(bounds), box.area > (largest?.box.area ?? 0) {
                        largest = (image.image_id, box, full)
                    }
                }
                node = current.pointee.next
            }
            guard let largest, largest.box.area >= Self.scanImageShare * width * height,
                  let surface = poppler_page_get_image(page, largest.id)
            else { return nil }
            defer { cairo_surface_destroy(surface) }
            var pixelsWide = Double(cairo_image_surface_get_width(surface))
            var pixelsHigh = Double(cairo_image_surface_get_height(surface))
            let full = largest.full
            // An image drawn turned by 90° spreads its width over the box's height.
            if (pixelsWide > pixelsHigh) != (full.width > full.height) { swap(&pixelsWide, &pixelsHigh) }
            guard pixelsWide > 0, pixelsHigh > 0, full.width > 0, full.height > 0 else { return nil }
            let resolution = max(pixelsWide / (full.width / 72), pixelsHigh / (full.height / 72))
            return resolution.isFinite ? resolution : nil
        }
    }

    /// The range a scan's own resolution is kept within when pages are rendered at it: below 72 dpi text is
    /// too coarse to read, above 400 dpi OCR gets slow without reading better.
    public static let scanResolutionRange: ClosedRange<Double> = 72...400

    /// Renders page `number` for OCR: at the scan's own resolution (``scanResolution(page:)``, kept within
    /// ``scanResolutionRange``) when `matchingScan` is set and the page is one scanned image, else at `dpi`.
    /// The pixel limit applies as in ``renderGray(page:dpi:maximumPixels:)``.
    ///
    /// - Returns: the image and the resolution chosen before the pixel limit.
    public func renderGrayForOCR(
        page number: Int, dpi: Double, matchingScan: Bool, maximumPixels: Int = defaultMaximumRenderPixels
    ) throws -> (image: GrayImage, requestedDPI: Double) {
        var chosen = dpi
        if matchingScan, let scan = try scanResolution(page: number) {
            chosen = min(max(scan, Self.scanResolutionRange.lowerBound), Self.scanResolutionRange.upperBound)
        }
        return (try renderGray(page: number, dpi: chosen, maximumPixels: maximumPixels), chosen)
    }
}
