/// When to OCR pages.
public enum OCRMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// OCR pages whose text layer is missing or looks broken (see `OCRRouting`).
    case auto
    /// OCR every page.
    case always
    /// Never OCR; use the text layer only.
    case never
}
