#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The folders of a watched inbox, which names in it are documents, and the names claimed files get.
///
/// A document's *relative path* (`invoice.pdf`, `acme/invoice.pdf`) names it everywhere: the claim
/// `INBOX/.processing/acme/invoice.pdf`, the outputs `OUTBOX/acme/invoice.json` and `.report.json`, the
/// input's final place `INBOX/processed/acme/invoice.pdf` or `INBOX/failed/acme/invoice.pdf` with
/// `invoice.error.json`. A name already used by an earlier document gets `-2`, `-3` … when it is claimed.
struct InboxLayout: Sendable {
    /// Size and modification time of a file, to tell when it stopped changing.
    struct Stamp: Sendable, Hashable {
        var size: Int64
        var modifiedNanoseconds: Int64
    }

    let inbox: URL
    let outbox: URL
    /// Where `<name>.review.html` goes (`--review-dir`); nil for no review pages.
    var reviews: URL? = nil

    var processing: URL { inbox.appendingPathComponent(".processing") }
    var processed: URL { inbox.appendingPathComponent("processed") }
    var failed: URL { inbox.appendingPathComponent("failed") }

    /// Top-level folders of the inbox that hold the watcher's own files.
    static let reservedFolders: Set<String> = ["processed", "failed", ".processing"]
    /// Suffixes of files still being written by a downloader or copier.
    static let partialSuffixes = [".part", ".tmp", ".crdownload", ".partial", ".download", "~"]

    /// Whether a file name is a document to process: a `.pdf` that is neither hidden nor partial.
    static func isDocumentName(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard !name.hasPrefix("."), lower.hasSuffix(".pdf") else { return false }
        return !partialSuffixes.contains { lower.hasSuffix($0) }
    }

    /// What one scan of the inbox found.
    struct Scan: Sendable {
        /// Regular document files, with their stamps.
        var documents: [String: Stamp] = [:]
        /// Symbolic links with a document name. They are never followed: the link itself is claimed and set
        /// aside in `failed/` (its target is neither read nor moved).
        var links: Set<String> = []
        /// Symbolic links to folders (or anything else that is not a document link), never followed.
        var skipped: Set<String> = []
    }

    /// Every document under the inbox now (reserved and hidden folders skipped), with its stamp.
    func documents() -> [String: Stamp] {
        scan().documents
    }

    /// Every document and document-named link under the inbox now; symbolic links are never followed.
    func scan() -> Scan {
        var found = Scan()
        collect(in: inbox, prefix: "", into: &found, top: true)
        return found
    }

    /// Every claimed document under `.processing/` (a restart resumes them), links included.
    func claimed() -> [String] {
        var found = Scan()
        collect(in: processing, prefix: "", into: &found, top: false)
        return Set(found.documents.keys).union(found.links).sorted()
    }

    /// Whether `url` is a regular file itself, not a link to one (`lstat`, never following a link).
    static func isRegularFile(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether anything (a file, a folder, a link, even a dangling one) has the name `url`.
    static func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    /// Whether every folder between the inbox and `relative` is a real folder, not a symbolic link (`lstat`).
    func foldersAreReal(_ relative: String) -> Bool {
        var folder = inbox
        for component in relative.split(separator: "/").dropLast() {
            folder = folder.appendingPathComponent(String(component))
            var info = stat()
            guard lstat(folder.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        }
        return true
    }

    /// Whether `url` is a symbolic link (to anything, or dangling).
    static func isSymbolicLink(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    private func collect(in folder: URL, prefix: String, into found: inout Scan, top: Bool) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() {
            if top, Self.reservedFolders.contains(name) { continue }
            let path = folder.appendingPathComponent(name)
            let relative = prefix + name
            var info = stat()
            guard lstat(path.path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                if Self.isDocumentName(name) {
                    found.links.insert(relative)
                } else if !name.hasPrefix(".") {
                    found.skipped.insert(relative)
                }
            } else if (info.st_mode & S_IFMT) == S_IFDIR {
                if !name.hasPrefix("."), path.standardizedFileURL.path != outbox.standardizedFileURL.path {
                    collect(in: path, prefix: relative + "/", into: &found, top: false)
                }
            } else if (info.st_mode & S_IFMT) == S_IFREG, Self.isDocumentName(name) {
                #if canImport(Glibc)
                let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                #else
                let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
                #endif
                found.documents[relative] = Stamp(size: Int64(info.st_size), modifiedNanoseconds: modified)
            }
        }
    }

    // MARK: Names

    /// `acme/invoice.pdf` → `acme/invoice`.
    static func stem(of relative: String) -> String {
        let name = (relative as NSString).lastPathComponent
        let folder = (relative as NSString).deletingLastPathComponent
        let base = (name as NSString).deletingPathExtension
        return folder.isEmpty ? base : folder + "/" + base
    }

    func inboxFile(_ relative: String) -> URL { inbox.appendingPathComponent(relative) }
    func claimFile(_ relative: String) -> URL { processing.appendingPathComponent(relative) }
    func startsFile(_ relative: String) -> URL {
        let claim = claimFile(relative)
        return claim.deletingLastPathComponent().appendingPathComponent("." + claim.lastPathComponent + ".starts")
    }
    /// The worker-crash counter of a claim, beside it (it survives restarts; see ``DocumentProcessor``).
    func crashesFile(_ relative: String) -> URL {
        let claim = claimFile(relative)
        return claim.deletingLastPathComponent().appendingPathComponent("." + claim.lastPathComponent + ".crashes")
    }
    func processedFile(_ relative: String) -> URL { processed.appendingPathComponent(relative) }
    func failedFile(_ relative: String) -> URL { failed.appendingPathComponent(relative) }
    func errorRecord(_ relative: String) -> URL {
        failed.appendingPathComponent(Self.stem(of: relative) + ".error.json")
    }
    func output(_ relative: String) -> URL { outbox.appendingPathComponent(Self.stem(of: relative) + ".json") }
    func report(_ relative: String) -> URL { outbox.appendingPathComponent(Self.stem(of: relative) + ".report.json") }
    /// `REVIEWS/<name>.review.html` for `--review-dir REVIEWS`; nil without one.
    func review(_ relative: String) -> URL? {
        reviews?.appendingPathComponent(Self.stem(of: relative) + ".review.html")
    }

    /// The longest file name stem (UTF-8 bytes) a claim keeps: with `.report.json`, `.review.html`, or the hidden
    /// temporary name of a durable write, every derived name stays below the 255-byte limit of Linux file
    /// systems. Longer names are shortened when claimed (and the watcher logs the new name).
    static let maximumStemBytes = 180

    /// `relative` with its file name's stem cut to ``maximumStemBytes`` (at a character boundary).
    static func shortened(_ relative: String) -> String {
        let name = (relative as NSString).lastPathComponent
        let base = (name as NSString).deletingPathExtension
        guard base.utf8.count > maximumStemBytes else { return relative }
        let cut = DurableFile.prefix(of: base, bytes: maximumStemBytes)
        let folder = (relative as NSString).deletingLastPathComponent
        let shortName = cut + "." + (name as NSString).pathExtension
        return folder.isEmpty ? shortName : folder + "/" + shortName
    }

    /// The relative path a newly claimed `relative` gets: itself, or `name-2.pdf`, `name-3.pdf` … when an
    /// earlier document already owns a claim, an output, a processed copy or a failure record of that name.
    func uniqueClaimName(for relative: String) -> String {
        let short = Self.shortened(relative)
        let stem = Self.stem(of: short)
        let suffix = "." + (short as NSString).pathExtension
        var candidate = short
        var number = 1
        func taken(_ name: String) -> Bool {
            let names = [claimFile(name), processedFile(name), failedFile(name), errorRecord(name), output(name),
                         report(name)] + (review(name).map { [$0] } ?? [])
            return names.contains(where: Self.exists)
        }
        while taken(candidate) {
            number += 1
            candidate = "\(stem)-\(number)\(suffix)"
        }
        return candidate
    }

    /// Removes temporary files a killed watcher left behind (they are hidden and never under a final name).
    func removeStaleTemporaries() {
        for root in [outbox, failed] + (reviews.map { [$0] } ?? []) {
            guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix("."), name.contains(".tmp-") {
                    unlink(root.appendingPathComponent(relative).path)
                }
            }
        }
    }
}
