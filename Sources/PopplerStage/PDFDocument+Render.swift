import CPoppler
import ExtractCore
import Foundation

/// The largest raster the renderer allocates by default: 40 million pixels (e.g. 25 × 17 inches at 300 dpi).
public let defaultMaximumRenderPixels = 40_000_000

extension PDFDocument {
    /// Renders page `number` to 8-bit gray on a white background, for OCR.
    ///
    /// If the page at `dpi` would exceed `maximumPixels`, the resolution is lowered until it fits; the image's
    /// `dpi` says what was used, so boxes still map back to points exactly.
    public func renderGray(
        page number: Int, dpi: Double, maximumPixels: Int = defaultMaximumRenderPixels
    ) throws -> GrayImage {
        try render(page: number, dpi: dpi, maximumPixels: maximumPixels) { data, stride, width, height, usedDPI in
            var gray = [UInt8](repeating: 255, count: width * height)
            gray.withUnsafeMutableBufferPointer { output in
                for row in 0..<height {
                    let line = data.advanced(by: row * stride).assumingMemoryBound(to: UInt32.self)
                    let base = row * width
                    for column in 0..<width {
                        // Cairo's ARGB32 is native-endian 0xAARRGGBB; the background is opaque white.
                        let pixel = line[column]
                        let red = (pixel >> 16) & 0xFF
                        let green = (pixel >> 8) & 0xFF
                        let blue = pixel & 0xFF
                        output[base + column] = UInt8((red * 299 + green * 587 + blue * 114 + 500) / 1000)
                    }
                }
            }
            return GrayImage(width: width, height: height, dpi: usedDPI, pixels: gray)
        }
    }

    /// Renders page `number` to PNG bytes (RGB on white), for a vision model.
    ///
    /// The resolution is lowered so that neither side exceeds `maximumSide` pixels.
    public func renderPNG(page number: Int, dpi: Double, maximumSide: Int = 1600) throws -> (png: Data, dpi: Double) {
        let size = try pageSize(number)
        let longest = max(size.width, size.height) / 72
        let usedDPI = longest > 0 ? min(dpi, Double(maximumSide) / longest) : dpi
        return try render(page: number, dpi: usedDPI, maximumPixels: maximumSide * maximumSide) { _, _, _, _, used in
            (Data(), used)
        } surface: { surface, used in
            let sink = PNGSink()
            let status = cairo_surface_write_to_png_stream(surface, { closure, bytes, length in
                guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque())
            guard status == CAIRO_STATUS_SUCCESS else {
                throw ExtractError(.renderFailed, "PNG encoding failed", path: self.source.displayName, page: number)
            }
            return (sink.data, used)
        }
    }

    private func render<T>(
        page number: Int,
        dpi: Double,
        maximumPixels: Int,
        pixels: (UnsafeMutableRawPointer, Int, Int, Int, Double) throws -> T,
        surface: ((OpaquePointer, Double) throws -> T)? = nil
    ) throws -> T {
        guard dpi > 0, dpi.isFinite else {
            throw ExtractError(.invalidOption, "the rendering resolution must be positive, got \(dpi) dpi")
        }
        return try withPage(number) { page in
            var widthPoints = 0.0
            var heightPoints = 0.0
            poppler_page_get_size(page, &widthPoints, &heightPoints)
            var usedDPI = dpi
            let requested = (widthPoints * dpi / 72) * (heightPoints * dpi / 72)
            if requested > Double(maximumPixels) {
                usedDPI = dpi * (Double(maximumPixels) / requested).squareRoot()
            }
            var width = max(1, Int((widthPoints * usedDPI / 72).rounded()))
            var height = max(1, Int((heightPoints * usedDPI / 72).rounded()))
            // Rounding can overshoot the limit by a row or a column: step the resolution down until it fits.
            while width * height > maximumPixels, usedDPI > 1 {
                usedDPI *= 0.999
                width = max(1, Int((widthPoints * usedDPI / 72).rounded()))
                height = max(1, Int((heightPoints * usedDPI / 72).rounded()))
            }
            guard width * height <= maximumPixels, width < 32_768, height < 32_768 else {
                throw ExtractError(
                    .limitExceeded,
                    "the page is too large to render (\(Int(widthPoints)) × \(Int(heightPoints)) points)",
                    path: source.displayName, page: number
                )
            }
            guard let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)),
                  cairo_surface_status(image) == CAIRO_STATUS_SUCCESS
            else {
                throw ExtractError(.renderFailed, "could not allocate a \(width) × \(height) raster",
                                   path: source.displayName, page: number)
            }
            defer { cairo_surface_destroy(image) }
            guard let context = cairo_create(image) else {
                throw ExtractError(.renderFailed, "could not create a drawing context",
                                   path: source.displayName, page: number)
            }
            // Poppler paints no background: without white, transparent pages reach OCR as black.
            cairo_set_source_rgb(context, 1, 1, 1)
            cairo_paint(context)
            cairo_scale(context, Double(width) / widthPoints, Double(height) / heightPoints)
            RenderWarmUp.perform { poppler_page_render(page, context) }
            cairo_destroy(context)
            cairo_surface_flush(image)
            if let surface { return try surface(image, usedDPI) }
            guard let data = cairo_image_surface_get_data(image) else {
                throw ExtractError(.renderFailed, "the raster has no pixels", path: source.displayName, page: number)
            }
            let stride = Int(cairo_image_surface_get_stride(image))
            return try pixels(UnsafeMutableRawPointer(data), stride, width, height, usedDPI)
        }
    }
}

private final class PNGSink {
    var data = Data()
}

/// Poppler crashes now and then when a fresh process's first renders run concurrently; one render that runs
/// alone first removes that (measured: 300 runs, no crash). This serialises renders until one has completed.
enum RenderWarmUp {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var done = false

    static func perform(_ render: () -> Void) {
        lock.lock()
        if done {
            lock.unlock()
            render()
            return
        }
        render()
        done = true
        lock.unlock()
    }
}
