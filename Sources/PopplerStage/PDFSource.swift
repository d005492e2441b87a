import Foundation

/// Where a PDF comes from: a file path or bytes in memory, with an optional password.
///
/// The password is never printed: `description` shows only whether one is set.
public struct PDFSource: Sendable, Hashable, CustomStringConvertible {
    /// The file path or the bytes.
    public enum Origin: Sendable, Hashable {
        case file(String)
        case bytes(Data, name: String)
    }

    /// Where the PDF comes from.
    public var origin: Origin
    /// The user or owner password of an encrypted PDF.
    public var password: String?

    /// A PDF file on disk; relative paths are resolved against the current directory.
    public static func file(_ path: String, password: String? = nil) -> PDFSource {
        PDFSource(origin: .file(path), password: password)
    }

    /// A PDF held in memory; `name` is used in messages.
    public static func bytes(_ data: Data, name: String = "<memory>", password: String? = nil) -> PDFSource {
        PDFSource(origin: .bytes(data, name: name), password: password)
    }

    /// The path or name used in messages.
    public var displayName: String {
        switch origin {
        case .file(let path): path
        case .bytes(_, let name): name
        }
    }

    public var description: String {
        displayName + (password == nil ? "" : " (with password)")
    }
}
