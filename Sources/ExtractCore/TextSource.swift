/// Where a piece of evidence was read from.
public enum TextSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// The PDF's own text layer (born-digital text).
    case textLayer = "text_layer"
    /// Optical character recognition of a rendered page.
    case ocr
    /// A vision model looking at a rendered page.
    case vision
    /// Both the text layer and OCR agree.
    case both
}
