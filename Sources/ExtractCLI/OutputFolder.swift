#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The `--out-dir` folder, opened once: every file written through it lands directly inside that folder, and
/// nothing is ever written anywhere else.
///
/// A file is written to a fresh temporary name (created with `O_EXCL | O_NOFOLLOW`, so it can be neither an
/// existing file nor a symbolic link), flushed, then renamed onto its final name relative to the folder's
/// descriptor (`renameat`): renaming replaces a directory entry and never follows a link, and the descriptor
/// keeps pointing at the same folder even if its path is moved or replaced meanwhile. An existing regular
/// file of the same name is replaced (re-running a batch rewrites its outputs); a symbolic link or anything
/// else that is not a regular file under the final name is left alone and the write fails.
final class OutputFolder {
    /// Writing one output failed; the message names the file and what to do.
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    /// The folder as given.
    let path: String
    private let descriptor: Int32

    /// Opens `path`, creating it (and its parents) when missing.
    init(path: String) throws {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw WriteError(description: "cannot create the output folder \(path): \(error.localizedDescription)")
        }
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw WriteError(description: "cannot open the output folder \(path): \(Self.reason(errno))")
        }
    }

    deinit {
        close(descriptor)
    }

    /// The path of `name` inside the folder, for messages.
    func display(_ name: String) -> String {
        path.hasSuffix("/") ? path + name : path + "/" + name
    }

    /// Writes `data` as `name` (one file name, no slash), atomically.
    func write(_ data: Data, named name: String) throws {
        precondition(!name.isEmpty && !name.contains("/") && name != "." && name != "..", "not a file name: \(name)")
        try checkReplaceable(name)
        let temporary = ".docextract-\(getpid())-\(UUID().uuidString).tmp"
        let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard file >= 0 else {
            throw WriteError(description: "cannot create a file in \(path): \(Self.reason(errno))")
        }
        var failure: Int32?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(file, raw.baseAddress!.advanced(by: offset), raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(file) != 0 { failure = errno }
        close(file)
        if failure == nil, renameat(descriptor, temporary, descriptor, name) != 0 { failure = errno }
        if let failure {
            unlinkat(descriptor, temporary, 0)
            throw WriteError(description: "cannot write \(display(name)): \(Self.reason(failure))")
        }
        fsync(descriptor)
    }

    /// Fails when something other than a regular file has the final name.
    private func checkReplaceable(_ name: String) throws {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return
        case S_IFLNK:
            throw WriteError(description: "\(display(name)) is a symbolic link; it was left alone and nothing was "
                + "written (remove it, or choose another --out-dir)")
        default:
            throw WriteError(description: "\(display(name)) exists and is not a regular file; nothing was written "
                + "(remove it, or choose another --out-dir)")
        }
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
