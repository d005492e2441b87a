/// All evidence gathered for a document, page by page.
public struct DocumentEvidence: Sendable, Hashable, Codable {
    /// Document facts.
    public var info: DocumentInfo
    /// Evidence for each selected page, in page order.
    public var pages: [PageEvidence]
    /// Warnings and notes collected while reading.
    public var diagnostics: [Diagnostic]

    /// Creates document evidence.
    public init(info: DocumentInfo, pages: [PageEvidence], diagnostics: [Diagnostic] = []) {
        self.info = info
        self.pages = pages
        self.diagnostics = diagnostics
    }
}
