import ExtractCore
import Foundation

/// OCR for many pages at once: a pool of worker threads, each with its own ``TesseractEngine``.
///
/// Engines are created on first use and reused for every later page, so the ~0.2 s load happens once per
/// thread. Pages submitted concurrently run in parallel up to the number of threads.
public final class OCRService: Sendable {
    private let pool: ThreadWorkerPool<TesseractEngine>
    /// The languages every engine is loaded with.
    public let languages: OCRLanguages

    /// Creates the service; `threads` defaults to the number of active processors.
    public init(languages: OCRLanguages, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.languages = languages
        pool = ThreadWorkerPool(threadCount: threads, name: "tesseract") { try TesseractEngine(languages: languages) }
    }

    /// The number of worker threads.
    public var threadCount: Int { pool.threadCount }

    /// OCRs one rendered page on a worker thread, within `timeLimit` when one is given
    /// (see ``TesseractEngine/recognize(_:deskew:preprocessing:timeLimit:)``).
    public func recognize(
        _ image: GrayImage, deskew: Bool = true, preprocessing: OCRPreprocessing = .none, timeLimit: Duration? = nil
    ) async throws -> PageText {
        try await pool.run { engine in
            try engine.recognize(image, deskew: deskew, preprocessing: preprocessing, timeLimit: timeLimit)
        }
    }

    /// OCRs only `regions` of one rendered page on a worker thread
    /// (see ``TesseractEngine/recognize(_:regions:deskew:preprocessing:timeLimit:)``).
    public func recognize(
        _ image: GrayImage, regions: [BoundingBox], deskew: Bool = true, preprocessing: OCRPreprocessing = .none,
        timeLimit: Duration? = nil
    ) async throws -> PageText {
        try await pool.run { engine in
            try engine.recognize(
                image, regions: regions, deskew: deskew, preprocessing: preprocessing, timeLimit: timeLimit
            )
        }
    }

    /// Stops the worker threads once queued pages finish; with `waitUntilStopped`, returns when every
    /// thread has released its engines (do that before the process exits).
    public func shutdown(waitUntilStopped: Bool = false) {
        pool.shutdown(waitUntilStopped: waitUntilStopped)
    }
}
