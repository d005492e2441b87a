/// Facts about a whole document.
public struct DocumentInfo: Sendable, Hashable, Codable {
    /// Number of pages.
    public var pageCount: Int
    /// Each page's size, in page order.
    public var pageSizes: [PageSize]
    /// Whether the document is encrypted (and was opened with a password).
    public var isEncrypted: Bool
    /// The PDF version, e.g. "PDF-1.7", when known.
    public var pdfVersion: String?
    /// The title from the document's metadata, when present.
    public var title: String?

    /// Creates document facts.
    public init(
        pageCount: Int,
        pageSizes: [PageSize],
        isEncrypted: Bool = false,
        pdfVersion: String? = nil,
        title: String? = nil
    ) {
        self.pageCount = pageCount
        self.pageSizes = pageSizes
        self.isEncrypted = isEncrypted
        self.pdfVersion = pdfVersion
        self.title = title
    }
}
