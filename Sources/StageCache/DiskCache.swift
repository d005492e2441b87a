import ExtractCore
import Foundation

/// Stage outputs on disk, one file per entry, shared safely by several processes.
///
/// Layout: `<root>/v1/<first two hex digits>/<key>.entry`. Each entry starts with a header line holding the
/// SHA-256 and length of the payload, so a truncated or altered file is detected, reported as a warning,
/// removed and recomputed — never served. Writes go to a unique temporary file in the same folder, are
/// flushed to disk and renamed into place, so a reader (in this process or another) sees either the old entry
/// or the complete new one. Reading an entry refreshes its modification time, which ``prune(maximumBytes:)``
/// uses to drop the least recently used entries first.
public final class DiskCache: CacheStore, Sendable {
    /// The folder the cache owns.
    public let root: URL
    private let entries: URL
    private let warn: @Sendable (Diagnostic) -> Void

    /// The default folder: `$XDG_CACHE_HOME/docextract`, else `~/.cache/docextract`.
    public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("docextract")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".cache/docextract")
    }

    /// Opens (and creates when needed) a cache in `root`. `warn` receives problems the cache works around.
    ///
    /// - Throws: `ExtractError` `.invalidOption` when the folder cannot be created or written.
    public init(root: URL, warn: @escaping @Sendable (Diagnostic) -> Void = { _ in }) throws {
        self.root = root
        self.entries = root.appendingPathComponent("v1")
        self.warn = warn
        do {
            try FileManager.default.createDirectory(at: entries, withIntermediateDirectories: true)
        } catch {
            throw ExtractError(
                .invalidOption,
                "cannot create the cache folder \(root.path) (\(error.localizedDescription)): "
                    + "choose another with --cache-dir or run with --no-cache"
            )
        }
        guard access(entries.path, W_OK) == 0 else {
            throw ExtractError(
                .invalidOption,
                "the cache folder \(root.path) is not writable: choose another with --cache-dir or use --no-cache"
            )
        }
    }

    private func location(of key: CacheKey) -> URL {
        entries.appendingPathComponent(String(key.hex.prefix(2)), isDirectory: true)
            .appendingPathComponent(key.hex + ".entry")
    }

    public func load(_ key: CacheKey) -> Data? {
        let url = location(of: key)
        guard let raw = FileManager.default.contents(atPath: url.path) else { return nil }
        guard let payload = EntryFormat.decode(raw) else {
            warn(Diagnostic(
                .warning, code: "cache.corrupt",
                "cache entry \(key.hex.prefix(12))… was corrupt; it was removed and will be recomputed"
            ))
            try? FileManager.default.removeItem(at: url)
            return nil
        }
        // Refresh the modification time: least recently used entries are pruned first.
        _ = url.withUnsafeFileSystemRepresentation { path in path.map { utimes($0, nil) } }
        return payload
    }

    public func save(_ data: Data, for key: CacheKey) throws {
        let url = location(of: key)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".tmp-\(getpid())-\(UUID().uuidString)")
        let bytes = EntryFormat.encode(data)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder.path]) }
        var written = 0
        let ok: Bool = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += result
            }
            return fsync(descriptor) == 0
        }
        close(descriptor)
        guard ok, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// What the cache holds.
    public struct Statistics: Sendable, Hashable, Codable {
        /// Number of entries.
        public var entries: Int
        /// Total size of the entries in bytes.
        public var bytes: Int64
    }

    /// Counts the entries and their size.
    public func statistics() -> Statistics {
        let files = entryFiles()
        return Statistics(entries: files.count, bytes: files.reduce(0) { $0 + $1.size })
    }

    /// Removes every entry (and stray temporary files); returns how many entries were removed.
    @discardableResult
    public func clear() -> Int {
        let files = entryFiles(includingTemporary: true)
        for file in files { try? FileManager.default.removeItem(at: file.url) }
        return files.filter { $0.url.pathExtension == "entry" }.count
    }

    /// Removes least recently used entries until the cache is at most `maximumBytes`; returns how many went.
    @discardableResult
    public func prune(maximumBytes: Int64) -> Int {
        var files = entryFiles().sorted { $0.modified < $1.modified }
        var total = files.reduce(0) { $0 + $1.size }
        var removed = 0
        while total > maximumBytes, !files.isEmpty {
            let oldest = files.removeFirst()
            if (try? FileManager.default.removeItem(at: oldest.url)) != nil {
                total -= oldest.size
                removed += 1
            }
        }
        return removed
    }

    private struct EntryFile {
        var url: URL
        var size: Int64
        var modified: Date
    }

    private func entryFiles(includingTemporary: Bool = false) -> [EntryFile] {
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: entries, includingPropertiesForKeys: keys) else {
            return []
        }
        var files: [EntryFile] = []
        for case let url as URL in walker {
            let isEntry = url.pathExtension == "entry"
            let isTemporary = url.lastPathComponent.hasPrefix(".tmp-")
            guard isEntry || (includingTemporary && isTemporary),
                  let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true
            else { continue }
            files.append(EntryFile(
                url: url, size: Int64(values.fileSize ?? 0), modified: values.contentModificationDate ?? .distantPast
            ))
        }
        return files
    }
}

/// `DXC1 <sha256 of payload> <payload length>\n` followed by the payload.
enum EntryFormat {
    static func encode(_ payload: Data) -> Data {
        var data = Data("DXC1 \(CacheKey.sha256Hex(payload)) \(payload.count)\n".utf8)
        data.append(payload)
        return data
    }

    static func decode(_ raw: Data) -> Data? {
        guard let newline = raw.firstIndex(of: 0x0A), newline - raw.startIndex <= 100 else { return nil }
        let header = String(decoding: raw[raw.startIndex..<newline], as: UTF8.self).split(separator: " ")
        guard header.count == 3, header[0] == "DXC1", let length = Int(header[2]) else { return nil }
        let payload = raw[raw.index(after: newline)...]
        guard payload.count == length, CacheKey.sha256Hex(Data(payload)) == header[1] else { return nil }
        return Data(payload)
    }
}
