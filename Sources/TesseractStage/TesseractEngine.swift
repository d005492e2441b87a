import CTesseract
import ExtractCore
import Foundation

/// One Tesseract engine (libtesseract's `TessBaseAPI`) with Leptonica images.
///
/// Not thread-safe: an engine shared by two threads aborts. Keep one engine per thread (``OCRService`` does).
public final class TesseractEngine {
    private let handle: OpaquePointer
    /// The languages the engine was loaded with.
    public let languages: OCRLanguages

    /// Loads an engine for `languages` in automatic page segmentation mode (block types are reported).
    public init(languages: OCRLanguages) throws {
        guard let api = TessBaseAPICreate() else {
            throw ExtractError(.ocrFailed, "could not create a Tesseract engine")
        }
        // Keep Tesseract's own chatter off our stderr.
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        guard TessBaseAPIInit2(api, languages.dataDirectory, languages.description, OEM_LSTM_ONLY) == 0 else {
            TessBaseAPIDelete(api)
            throw ExtractError(
                .ocrLanguageMissing,
                "Tesseract could not load '\(languages)' from \(languages.dataDirectory): reinstall the "
                    + "tesseract-ocr language packages"
            )
        }
        TessBaseAPISetPageSegMode(api, PSM_AUTO)
        handle = api
        self.languages = languages
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// OCRs a rendered page. Boxes come back in points from the page's top-left corner, like the text layer.
    ///
    /// With `deskew`, a skewed scan is straightened before recognition (Leptonica) and the boxes are rotated
    /// back, so they still sit on the page as it is.
    public func recognize(_ image: GrayImage, deskew: Bool = true) throws -> PageText {
        guard image.width > 0, image.height > 0 else { return PageText(source: .ocr, lines: []) }
        var pix = try Self.makePix(image)
        defer { pixDestroy(&pix) }
        var rotation = 0.0
        var deskewed: UnsafeMutablePointer<Pix>?
        if deskew {
            var angle: Float = 0
            var confidence: Float = 0
            deskewed = pixFindSkewAndDeskew(pix, 2, &angle, &confidence)
            if deskewed != nil, abs(angle) >= 0.1, confidence >= 2.0 {
                rotation = Double(angle)
            } else if deskewed != nil {
                pixDestroy(&deskewed)
                deskewed = nil
            }
        }
        defer { if deskewed != nil { pixDestroy(&deskewed) } }

        TessBaseAPISetImage2(handle, deskewed ?? pix)
        TessBaseAPISetSourceResolution(handle, Int32(image.dpi.rounded()))
        guard TessBaseAPIRecognize(handle, nil) == 0 else {
            TessBaseAPIClear(handle)
            throw ExtractError(.ocrFailed, "Tesseract failed to recognise the page")
        }
        defer { TessBaseAPIClear(handle) }
        let mapper = BoxMapper(image: image, rotationDegrees: rotation)
        return TesseractResultReader(api: handle, mapper: mapper).read()
    }

    /// Copies gray pixels into an 8-bit Leptonica image (Leptonica packs 4 pixels per 32-bit word, first pixel
    /// in the most significant byte).
    private static func makePix(_ image: GrayImage) throws -> UnsafeMutablePointer<Pix>? {
        guard let pix = pixCreate(Int32(image.width), Int32(image.height), 8), let data = pixGetData(pix) else {
            throw ExtractError(.ocrFailed, "could not allocate a \(image.width) × \(image.height) image for OCR")
        }
        pixSetResolution(pix, Int32(image.dpi.rounded()), Int32(image.dpi.rounded()))
        let wordsPerLine = Int(pixGetWpl(pix))
        image.pixels.withUnsafeBufferPointer { source in
            for row in 0..<image.height {
                let line = data.advanced(by: row * wordsPerLine)
                let base = row * image.width
                var column = 0
                var word = 0
                while column < image.width {
                    var value: UInt32 = 0
                    for offset in 0..<4 {
                        let pixel = column + offset < image.width ? UInt32(source[base + column + offset]) : 255
                        value |= pixel << UInt32(24 - 8 * offset)
                    }
                    line[word] = value
                    word += 1
                    column += 4
                }
            }
        }
        return pix
    }
}
