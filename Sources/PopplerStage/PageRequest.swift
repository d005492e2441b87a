import ExtractCore

/// One page of one document, as the page stages take it.
///
/// The cache key names the document by the SHA-256 of its bytes, never by its path or password.
public struct PageRequest: CacheKeyed, Hashable {
    /// Where the document is (and its password, which never reaches a cache key).
    public var source: PDFSource
    /// The SHA-256 of the document's bytes, lower-case hex.
    public var documentDigest: String
    /// The 1-based page number.
    public var page: Int

    /// Creates a request.
    public init(source: PDFSource, documentDigest: String, page: Int) {
        self.source = source
        self.documentDigest = documentDigest
        self.page = page
    }

    public var cacheKeyMaterial: String { "pdf:\(documentDigest)/page:\(page)" }
}
