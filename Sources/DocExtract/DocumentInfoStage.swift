import ExtractCore
import PopplerStage

/// Opening a document for its page count and page sizes, as a cacheable stage: a run answered from the cache
/// then opens nothing — with worker processes, it starts none.
///
/// A document given with a password is always opened and never cached (see ``EvidenceReader``): opening it is
/// what checks the password.
struct DocumentInfoStage: Stage {
    /// One document, named in the cache by the SHA-256 of its bytes (never by its path or password).
    struct Request: CacheKeyed {
        var source: PDFSource
        var documentDigest: String
        var cacheKeyMaterial: String { "pdf:\(documentDigest)" }
    }

    static let identity = StageIdentity(name: "pdf.info", version: 1)

    let body: @Sendable (Request) async throws -> DocumentInfo

    var identity: StageIdentity { Self.identity }

    func run(_ input: Request) async throws -> DocumentInfo {
        try await body(input)
    }
}
