#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// File operations that survive a crash or power loss: data and renames are flushed before they count.
enum DurableFile {
    /// Writes `data` to a hidden temporary file beside `url`, fsyncs it, renames it into place and fsyncs the
    /// folder, so `url` either does not exist or holds all of `data`.
    ///
    /// With `root` (an output folder the user named), no folder between `root` and `url` may be a symbolic link:
    /// a link planted in an output folder cannot send a write outside it. A link under `url`'s own name is
    /// replaced by the rename, never written through.
    static func write(_ data: Data, to url: URL, within root: URL? = nil) throws {
        let folder = url.deletingLastPathComponent()
        if let root { try refuseLinks(from: root, to: folder) }
        try createDirectory(folder)
        // Hidden, never a final name, and short enough for any final name (at most 100 bytes of it are kept).
        let temporary = folder.appendingPathComponent(
            ".\(Self.prefix(of: url.lastPathComponent, bytes: 100)).tmp-\(getpid())-\(UUID().uuidString)")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create", temporary) }
        do {
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: data)
            guard fsync(descriptor) == 0 else { throw failure("cannot flush", temporary) }
            close(descriptor)
            guard rename(temporary.path, url.path) == 0 else { throw failure("cannot rename into", url) }
            syncDirectory(folder)
        } catch {
            close(descriptor)
            unlink(temporary.path)
            throw error
        }
    }

    /// Renames `source` to `destination` (never over an existing file) and fsyncs both folders.
    /// With `root`, no folder between `root` and `destination` may be a symbolic link (see ``write(_:to:within:)``).
    static func move(_ source: URL, to destination: URL, within root: URL? = nil) throws {
        let folder = destination.deletingLastPathComponent()
        if let root { try refuseLinks(from: root, to: folder) }
        try createDirectory(folder)
        guard !InboxLayout.exists(destination) else {
            throw WatchError("\(destination.path) already exists; move it away and restart the watcher")
        }
        guard rename(source.path, destination.path) == 0 else {
            throw failure("cannot move \(source.path) to", destination)
        }
        syncDirectory(folder)
        syncDirectory(source.deletingLastPathComponent())
    }

    /// Creates `url` and its parents if needed, fsyncing each parent of a created folder.
    static func createDirectory(_ url: URL) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw WatchError("\(url.path) is a file; a folder is needed there") }
            return
        }
        try createDirectory(url.deletingLastPathComponent())
        guard mkdir(url.path, 0o755) == 0 || errno == EEXIST else { throw failure("cannot create the folder", url) }
        syncDirectory(url.deletingLastPathComponent())
    }

    /// Throws if a folder strictly below `root` on the way to `folder` is a symbolic link (`root` itself may be
    /// one: the user chose it).
    static func refuseLinks(from root: URL, to folder: URL) throws {
        let rootComponents = root.standardizedFileURL.pathComponents
        let components = folder.standardizedFileURL.pathComponents
        guard components.count > rootComponents.count, Array(components.prefix(rootComponents.count)) == rootComponents
        else { return }
        var path = root.standardizedFileURL
        for component in components.dropFirst(rootComponents.count) {
            path.appendPathComponent(component)
            var status = stat()
            if lstat(path.path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
                throw WatchError("\(path.path) is a symbolic link inside the output folder \(root.path); the watcher "
                    + "does not write through links there (a write could land outside it) — replace it with a folder")
            }
        }
    }

    /// Flushes a folder's entries (new, renamed or removed names) to disk.
    static func syncDirectory(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// The longest prefix of `name` of at most `bytes` UTF-8 bytes that ends at a character boundary.
    static func prefix(of name: String, bytes: Int) -> String {
        var cut = ""
        for character in name {
            guard cut.utf8.count + String(character).utf8.count <= bytes else { break }
            cut.append(character)
        }
        return cut
    }

    private static func failure(_ what: String, _ url: URL) -> WatchError {
        WatchError("\(what) \(url.path): \(String(cString: strerror(errno))); "
            + "check the folder's permissions and free space")
    }
}
