import ExtractCore
import Synchronization

/// One document's ``EvidenceIndex``, built on first use and then shared by everything that looks values up in
/// that document: synthesis's candidate finder and locator, and the provenance of the answer afterwards.
///
/// Building the index twice (once in synthesis, once for provenance) cost twice the time, and the second build
/// came while the first one's memory was still fragmenting the heap (the peak resident size of the same
/// 200-page run varied by 9 MiB). Give it the evidence the index is for; a reader asking with another
/// normaliser gets a new index of its own (``index(normalizer:)`` returns nil).
public final class SharedEvidenceIndex: Sendable {
    /// The evidence indexed.
    public let evidence: DocumentEvidence
    /// The normaliser the index reads numbers and dates with.
    public let normalizer: ValueNormalizer
    private let built = Mutex<EvidenceIndex?>(nil)

    /// A shared index of `evidence`, not built yet.
    public init(evidence: DocumentEvidence, normalizer: ValueNormalizer = ValueNormalizer()) {
        self.evidence = evidence
        self.normalizer = normalizer
    }

    /// The index, built on the first call.
    public var index: EvidenceIndex {
        built.withLock { built in
            if let built { return built }
            let index = EvidenceIndex(evidence: evidence, normalizer: normalizer)
            built = index
            return index
        }
    }

    /// The index when it reads with `other` (equal to ``normalizer``), else nil.
    public func index(normalizer other: ValueNormalizer) -> EvidenceIndex? {
        other == normalizer ? index : nil
    }
}
