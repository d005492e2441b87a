import ExtractCore
import Foundation
import PopplerStage
import Synchronization

/// A PDF held in memory, written to a private temporary file so that a worker process can open it by path.
struct WorkerTemporaryFile {
    /// The file's path.
    let path: String
    private let folder: URL

    /// Writes `data` into a new folder readable only by this user.
    init(_ data: Data, name: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("docextract-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
            )
            let url = folder.appendingPathComponent("document.pdf")
            try data.write(to: url)
            path = url.path
        } catch {
            throw ExtractError(
                .unreadableFile, "cannot hand the document to the evidence worker (writing a temporary file "
                    + "failed: \(error.localizedDescription)); set TMPDIR to a writable folder", path: name
            )
        }
    }

    /// Deletes the file and its folder.
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Which temporary file holds the in-memory document a page request names (by its digest).
    final class Registry: Sendable {
        private let paths = Mutex<[String: String]>([:])

        func register(_ path: String, digest: String) {
            paths.withLock { $0[digest] = path }
        }

        func unregister(digest: String) {
            _ = paths.withLock { $0.removeValue(forKey: digest) }
        }

        /// The path a worker opens for `request`.
        func path(for request: PageRequest) -> String {
            path(of: request.source, digest: request.documentDigest)
        }

        /// The path a worker opens for the document `source` with the SHA-256 `digest`.
        func path(of source: PDFSource, digest: String) -> String {
            paths.withLock { $0[digest] } ?? Self.path(of: source)
        }

        /// The path of a file source (an in-memory source reaching here has no file: its name is used).
        static func path(of source: PDFSource) -> String {
            switch source.origin {
            case .file(let path): path
            case .bytes(_, let name): name
            }
        }
    }
}
