/// How a rendered page is prepared with Leptonica before Tesseract reads it (`--ocr-preprocess`).
///
/// Measured on the SROIE dev receipts (faint thermal and dot-matrix print) and invoice2data's image-only scans:
/// Tesseract's own global threshold loses light or unevenly lit text, which local contrast normalisation keeps.
public enum OCRPreprocessing: String, Sendable, Hashable, Codable, CaseIterable {
    /// Tesseract's own thresholding of the page as rendered.
    case none
    /// Local contrast normalisation (Leptonica `pixContrastNorm`): each tile's ink stretched to full contrast.
    case contrast
    /// `contrast`, and a page read with a mean word confidence under ``secondPassConfidence`` is read a second
    /// time with its strokes thickened (gray erosion, which joins the dots of dot-matrix print); a page whose
    /// merged reading still stays under ``furtherPassConfidence`` is read again enlarged twice (a low-resolution
    /// page only) and with Sauvola's local threshold. Line by line the reading with more confident text is kept.
    case auto

    /// Below this mean word confidence (0–1) of the first reading, `auto` reads the page a second time.
    public static let secondPassConfidence = 0.85
    /// Below this mean word confidence (0–1) of the readings merged so far, `auto` reads a page a third and a
    /// fourth time (see ``auto``).
    public static let furtherPassConfidence = 0.70
}
