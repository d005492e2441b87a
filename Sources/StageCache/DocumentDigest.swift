import Crypto
import Foundation

/// The SHA-256 of a document's bytes: what names a document in cache keys, whatever its path.
public enum DocumentDigest {
    /// Hashes a file in 1 MiB chunks, so a large PDF is never held in memory for this.
    ///
    /// - Throws: the file's read error.
    public static func ofFile(atPath path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Hashes bytes in memory.
    public static func of(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
