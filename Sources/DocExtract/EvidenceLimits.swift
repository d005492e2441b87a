import ExtractCore
import Foundation
import PopplerStage

/// The checks behind the document limits of ``EvidenceOptions``: each one fails with `.limitExceeded`, naming
/// the limit, the value found and the command-line flag that raises it.
enum EvidenceLimits {
    /// Fails when the PDF is larger than `limit` bytes. A file that cannot be examined is left to the open,
    /// which reports it precisely (missing, a directory, unreadable).
    static func checkFileSize(of source: PDFSource, limit: Int) throws {
        let size: Int
        switch source.origin {
        case .bytes(let data, _):
            size = data.count
        case .file(let path):
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let bytes = (attributes[.size] as? NSNumber)?.intValue
            else { return }
            size = bytes
        }
        guard size > limit else { return }
        throw ExtractError(
            .limitExceeded,
            "the file is \(byteCount(size)), more than the limit of \(byteCount(limit)) per document "
                + "(raise it with --max-file-size, e.g. --max-file-size \(suggestedSize(size)))",
            path: source.displayName
        )
    }

    /// Fails when more than `limit` pages would be read.
    static func checkPageCount(_ selected: Int, of total: Int, limit: Int, source: PDFSource) throws {
        guard selected > limit else { return }
        let scope = selected == total ? "the document has \(selected) pages"
            : "\(selected) of the document's \(total) pages are selected"
        throw ExtractError(
            .limitExceeded,
            "\(scope), more than the limit of \(limit) pages per document (raise it with --max-pages "
                + "\(selected), or read fewer with --pages)",
            path: source.displayName
        )
    }

    /// `12.5 MiB`, `900 KiB`, `300 bytes`.
    static func byteCount(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024 {
            let mebibytes = Double(bytes) / 1_048_576
            return mebibytes >= 100 ? "\(Int(mebibytes.rounded())) MiB" : String(format: "%.1f MiB", mebibytes)
        }
        if bytes >= 1024 { return "\(bytes / 1024) KiB" }
        return "\(bytes) byte\(bytes == 1 ? "" : "s")"
    }

    /// A `--max-file-size` value that admits `bytes`, in the flag's own syntax (`600M`).
    private static func suggestedSize(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024 { return "\((bytes + 1_048_575) / 1_048_576)M" }
        if bytes >= 1024 { return "\((bytes + 1023) / 1024)K" }
        return "\(bytes)"
    }
}
