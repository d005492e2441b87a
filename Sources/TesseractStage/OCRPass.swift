import ExtractCore

/// A further reading of a page that `auto` preprocessing (``OCRPreprocessing/auto``) merges into the first one,
/// made only while the readings merged so far stay under its confidence.
///
/// Measured on the 19 SROIE receipts (96- and 150-ppi scans): the thickened reading joins dot-matrix dots; the
/// enlarged one gives Tesseract's thresholding, line and word finding twice the pixels of small, faint print
/// (it read `99 SPEED MART` and a date the others did not); Sauvola's local threshold read a dot-matrix heading
/// whose line touches the next. Enlarged as the *first* reading, pages read worse than at their own resolution
/// (80–84 % against 87 % recall), so these readings only replace lines where they read more confidently.
struct OCRPass: Sendable, Hashable {
    /// How the contrast-normalised page is prepared for this reading.
    enum Preparation: Sendable, Hashable {
        /// Gray erosion with a 3 × 3 brick (dark strokes grown by a pixel each way).
        case strokesThickened
        /// Enlarged twice by linear interpolation and sharpened (``LeptonicaImage/upscaledTwiceSharpened()``).
        case upscaledTwice
        /// Tesseract's own Sauvola binarisation (`thresholding_method` 2) instead of its global Otsu threshold.
        case sauvolaThreshold
    }

    let preparation: Preparation
    /// The reading is made only while the mean word confidence of the readings merged so far is under this.
    let belowConfidence: Double

    /// Pixels of the image Tesseract reads per pixel of the rendered page.
    var scale: Int { preparation == .upscaledTwice ? 2 : 1 }

    /// A page rendered under this resolution is small enough in pixels to be worth enlarging.
    static let upscaleBelowDPI = 200.0
    /// The largest enlarged image (pixels): 40 million, the renderer's own default limit
    /// (a 17 × 23-inch 96-ppi scan is not enlarged to 144 million pixels).
    static let maximumUpscaledPixels = 40_000_000

    /// The further readings of a `width` × `height` page rendered at `dpi`, in the order they are made.
    static func passes(width: Int, height: Int, dpi: Double) -> [OCRPass] {
        var passes = [OCRPass(preparation: .strokesThickened, belowConfidence: OCRPreprocessing.secondPassConfidence)]
        if dpi < upscaleBelowDPI, 4 * width * height <= maximumUpscaledPixels {
            passes.append(OCRPass(preparation: .upscaledTwice, belowConfidence: OCRPreprocessing.furtherPassConfidence))
        }
        passes.append(OCRPass(preparation: .sauvolaThreshold, belowConfidence: OCRPreprocessing.furtherPassConfidence))
        return passes
    }
}
