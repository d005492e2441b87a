/// All evidence gathered for a document, page by page.
public struct DocumentEvidence: Sendable, Hashable, Codable {
    /// Document facts.
    public var info: DocumentInfo
    /// Evidence for each selected page, in page order.
    public var pages: [PageEvidence]
    /// Warnings and notes collected while reading.
    public var diagnostics: [Diagnostic]
    /// A short text that names this evidence exactly — the document's SHA-256, the pages read, and every stage
    /// version and option that shaped them — so a later stage can key its cache without hashing the evidence
    /// itself. Nil when the evidence was built by hand; such evidence is keyed by its content.
    public var cacheKey: String?

    /// Creates document evidence.
    public init(info: DocumentInfo, pages: [PageEvidence], diagnostics: [Diagnostic] = [], cacheKey: String? = nil) {
        self.cacheKey = cacheKey
        self.info = info
        self.pages = pages
        self.diagnostics = diagnostics
    }
}
