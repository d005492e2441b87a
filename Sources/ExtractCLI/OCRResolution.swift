import ArgumentParser

/// The resolution pages that are one scanned image are rendered at for OCR (`--ocr-resolution`).
enum OCRResolution: String, ExpressibleByArgument, CaseIterable {
    /// The scan's own resolution, kept within 72–400 dpi (`EvidenceOptions.matchScanResolution`).
    case scan
    /// `--dpi`, like every other page.
    case fixed
}
