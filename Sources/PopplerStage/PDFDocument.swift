import CPoppler
import ExtractCore
import Foundation

/// One open PDF document, backed by libpoppler-glib.
///
/// Not thread-safe: Poppler crashes when two threads use one document. Use one `PDFDocument` per thread
/// (``PDFReader`` does that for you). Pages are addressed by 1-based number.
public final class PDFDocument {
    private let handle: OpaquePointer
    /// Where the document came from (for messages).
    public let source: PDFSource
    private let bytesHandle: OpaquePointer?
    /// Whether the document needed the password it was given to open.
    public let isEncrypted: Bool

    /// Opens a document, checking the file first so that every kind of bad input gets its own error.
    ///
    /// - Throws: `ExtractError` with code `.fileNotFound`, `.notAFile`, `.unreadableFile`, `.emptyFile`,
    ///   `.notAPDF`, `.damagedPDF`, `.passwordRequired` or `.wrongPassword`.
    public init(_ source: PDFSource) throws {
        self.source = source
        let name = source.displayName
        var error: UnsafeMutablePointer<GError>?
        var document: OpaquePointer?
        switch source.origin {
        case .file(let path):
            let absolute = try Self.checkFile(path)
            guard let uri = g_filename_to_uri(absolute, nil, nil) else {
                throw ExtractError(.unreadableFile, "cannot turn the path into a file URI", path: name)
            }
            defer { g_free(uri) }
            document = poppler_document_new_from_file(uri, source.password, &error)
            bytesHandle = nil
            isEncrypted = document != nil && source.password != nil && Self.needsPassword { probe in
                poppler_document_new_from_file(uri, nil, &probe)
            }
        case .bytes(let data, _):
            try Self.checkHeader(data.prefix(1024), name: name, size: data.count)
            let bytes = data.withUnsafeBytes { raw in g_bytes_new(raw.baseAddress, gsize(raw.count)) }
            document = poppler_document_new_from_bytes(bytes, source.password, &error)
            bytesHandle = bytes
            isEncrypted = document != nil && source.password != nil && Self.needsPassword { probe in
                poppler_document_new_from_bytes(bytes, nil, &probe)
            }
        }
        if let error {
            defer { g_error_free(error) }
            if let bytesHandle { g_bytes_unref(bytesHandle) }
            throw Self.translate(error.pointee, source: source)
        }
        guard let document else {
            if let bytesHandle { g_bytes_unref(bytesHandle) }
            throw ExtractError(.damagedPDF, "Poppler could not open the document", path: name)
        }
        handle = document
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(handle))
        if let bytesHandle { g_bytes_unref(bytesHandle) }
    }

    /// Number of pages.
    public var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    /// Facts about the document.
    public var info: DocumentInfo {
        let sizes = (1...max(1, pageCount)).prefix(pageCount).map { (try? pageSize($0)) ?? PageSize(width: 0, height: 0) }
        return DocumentInfo(
            pageCount: pageCount,
            pageSizes: sizes,
            isEncrypted: isEncrypted,
            pdfVersion: Self.takeString(poppler_document_get_pdf_version_string(handle)),
            title: Self.takeString(poppler_document_get_title(handle))
        )
    }

    /// The size of page `number` in points, after rotation.
    public func pageSize(_ number: Int) throws -> PageSize {
        try withPage(number) { page in
            var width = 0.0
            var height = 0.0
            poppler_page_get_size(page, &width, &height)
            return PageSize(width: width, height: height)
        }
    }

    /// Runs `body` with the Poppler page object for 1-based page `number`.
    func withPage<T>(_ number: Int, _ body: (OpaquePointer) throws -> T) throws -> T {
        guard number >= 1, number <= pageCount else {
            throw ExtractError(
                .pageOutOfRange, "page \(number) does not exist; the document has \(pageCount) pages",
                path: source.displayName
            )
        }
        guard let page = poppler_document_get_page(handle, Int32(number - 1)) else {
            throw ExtractError(.damagedPDF, "Poppler could not load the page", path: source.displayName, page: number)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        return try body(page)
    }

    // MARK: - Checks before Poppler sees the file

    private static func checkFile(_ path: String) throws -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var status = stat()
        guard stat(absolute, &status) == 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw ExtractError(errno == ENOENT ? .fileNotFound : .unreadableFile, reason, path: path)
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            let kind = (status.st_mode & S_IFMT) == S_IFDIR ? "a directory" : "not a regular file"
            throw ExtractError(.notAFile, "is \(kind), not a PDF file", path: path)
        }
        guard let handle = FileHandle(forReadingAtPath: absolute) else {
            throw ExtractError(.unreadableFile, "cannot be read (check its permissions)", path: path)
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1024)) ?? Data()
        try checkHeader(head, name: path, size: Int(status.st_size))
        return absolute
    }

    private static func checkHeader(_ head: Data, name: String, size: Int) throws {
        guard size > 0 else {
            throw ExtractError(.emptyFile, "the file is empty (0 bytes)", path: name)
        }
        let marker = Array("%PDF-".utf8)
        let bytes = Array(head)
        let found = bytes.count >= marker.count
            && (0...(bytes.count - marker.count)).contains { Array(bytes[$0..<($0 + marker.count)]) == marker }
        guard found else {
            throw ExtractError(
                .notAPDF, "not a PDF file (no %PDF- header in the first 1024 bytes)", path: name
            )
        }
    }

    private static func translate(_ error: GError, source: PDFSource) -> ExtractError {
        let name = source.displayName
        let detail = error.message.map { String(cString: $0) } ?? "unknown error"
        if error.domain == poppler_error_quark(), error.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
            if source.password == nil {
                return ExtractError(.passwordRequired, "the PDF is encrypted: give its password with --password", path: name)
            }
            return ExtractError(.wrongPassword, "the password given does not open this encrypted PDF", path: name)
        }
        return ExtractError(.damagedPDF, "the PDF is damaged or truncated and cannot be read (\(detail))", path: name)
    }

    /// Opens the document again without a password to learn whether it needed one.
    private static func needsPassword(
        _ open: (inout UnsafeMutablePointer<GError>?) -> OpaquePointer?
    ) -> Bool {
        var error: UnsafeMutablePointer<GError>?
        let document = open(&error)
        if let document { g_object_unref(UnsafeMutableRawPointer(document)) }
        guard let error else { return false }
        defer { g_error_free(error) }
        return error.pointee.domain == poppler_error_quark()
            && error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue)
    }

    static func takeString(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
        guard let pointer else { return nil }
        defer { g_free(pointer) }
        let value = String(cString: pointer)
        return value.isEmpty ? nil : value
    }
}
