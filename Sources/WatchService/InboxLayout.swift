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

    /// Every document under the inbox now (reserved and hidden folders skipped), with its stamp.
    func documents() -> [String: Stamp] {
        var found: [String: Stamp] = [:]
        collect(in: inbox, prefix: "", into: &found, top: true)
        return found
    }

    /// Every claimed document under `.processing/` (a restart resumes them).
    func claimed() -> [String] {
        var found: [String: Stamp] = [:]
        collect(in: processing, prefix: "", into: &found, top: false)
        return found.keys.sorted()
    }

    private func collect(in folder: URL, prefix: String, into found: inout [String: Stamp], top: Bool) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() {
            if top, Self.reservedFolders.contains(name) { continue }
            let path = folder.appendingPathComponent(name)
            let relative = prefix + name
            var info = stat()
            guard lstat(path.path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if !name.hasPrefix("."), path.standardizedFileURL.path != outbox.standardizedFileURL.path {
                    collect(in: path, prefix: relative + "/", into: &found, top: false)
                }
            } else if (info.st_mode & S_IFMT) == S_IFREG, Self.isDocumentName(name) {
                #if canImport(Glibc)
                let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                #else
                let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
                #endif
                found[relative] = Stamp(size: Int64(info.st_size), modifiedNanoseconds: modified)
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
    func processedFile(_ relative: String) -> URL { processed.appendingPathComponent(relative) }
    func failedFile(_ relative: String) -> URL { failed.appendingPathComponent(relative) }
    func errorRecord(_ relative: String) -> URL {
        failed.appendingPathComponent(Self.stem(of: relative) + ".error.json")
    }
    func output(_ relative: String) -> URL { outbox.appendingPathComponent(Self.stem(of: relative) + ".json") }
    func report(_ relative: String) -> URL { outbox.appendingPathComponent(Self.stem(of: relative) + ".report.json") }

    /// The relative path a newly claimed `relative` gets: itself, or `name-2.pdf`, `name-3.pdf` … when an
    /// earlier document already owns a claim, an output, a processed copy or a failure record of that name.
    func uniqueClaimName(for relative: String) -> String {
        let fileManager = FileManager.default
        let stem = Self.stem(of: relative)
        let suffix = "." + (relative as NSString).pathExtension
        var candidate = relative
        var number = 1
        while [claimFile(candidate), processedFile(candidate), failedFile(candidate), errorRecord(candidate),
               output(candidate), report(candidate)].contains(where: { fileManager.fileExists(atPath: $0.path) }) {
            number += 1
            candidate = "\(stem)-\(number)\(suffix)"
        }
        return candidate
    }

    /// Removes temporary files a killed watcher left behind (they are hidden and never under a final name).
    func removeStaleTemporaries() {
        for root in [outbox, failed] {
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
