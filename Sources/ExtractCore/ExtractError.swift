/// An error that stops work on one document, with a stable code, a message that says what went wrong and
/// how to fix it, and the process exit code the command-line tool uses for it.
///
/// Shaped like swift-nio's error structs: the set of codes can grow without breaking callers that switch
/// over the ones they know.
public struct ExtractError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable, Hashable {
            case fileNotFound, notAFile, unreadableFile, emptyFile, notAPDF, damagedPDF
            case passwordRequired, wrongPassword, pageOutOfRange, limitExceeded, timeLimitExceeded
            case ocrLanguageMissing, ocrFailed, renderFailed, invalidSchema, invalidOption
            case modelUnavailable, modelConfiguration, noValidOutput, internalError
        }

        fileprivate let base: Base

        /// The path does not exist.
        public static let fileNotFound = Code(base: .fileNotFound)
        /// The path is a directory or another non-regular file.
        public static let notAFile = Code(base: .notAFile)
        /// The file exists but cannot be read (permissions, I/O error).
        public static let unreadableFile = Code(base: .unreadableFile)
        /// The file has no bytes.
        public static let emptyFile = Code(base: .emptyFile)
        /// The file is not a PDF at all.
        public static let notAPDF = Code(base: .notAPDF)
        /// The file starts like a PDF but is truncated or damaged beyond repair.
        public static let damagedPDF = Code(base: .damagedPDF)
        /// The PDF is encrypted and no password was given.
        public static let passwordRequired = Code(base: .passwordRequired)
        /// The PDF is encrypted and the password given is wrong.
        public static let wrongPassword = Code(base: .wrongPassword)
        /// A requested page does not exist.
        public static let pageOutOfRange = Code(base: .pageOutOfRange)
        /// A configured limit (file size, pages, pixels, time, tokens) was exceeded.
        public static let limitExceeded = Code(base: .limitExceeded)
        /// A time limit was exceeded: a page's OCR ran past `--ocr-timeout` (stopped by Tesseract's own deadline,
        /// or by killing the worker process that ran it), or a worker request past its request timeout. Exit
        /// code 9, like the other limits; its own code so that callers (the watch folder, batch drivers) can tell a
        /// stuck document from one that is too large.
        public static let timeLimitExceeded = Code(base: .timeLimitExceeded)
        /// OCR data for a requested language is not installed.
        public static let ocrLanguageMissing = Code(base: .ocrLanguageMissing)
        /// The OCR engine failed on a page.
        public static let ocrFailed = Code(base: .ocrFailed)
        /// Rendering a page failed.
        public static let renderFailed = Code(base: .renderFailed)
        /// A JSON Schema is unreadable or invalid.
        public static let invalidSchema = Code(base: .invalidSchema)
        /// An option has an invalid value.
        public static let invalidOption = Code(base: .invalidOption)
        /// No language model could be reached or started.
        public static let modelUnavailable = Code(base: .modelUnavailable)
        /// The model set-up is wrong — a rejected API key (401, 403), an unknown model or endpoint (404), an unset
        /// key variable, a missing offline model, an unusable price table or run log — so retrying cannot help
        /// until the configuration is fixed. Exit code 7, like ``modelUnavailable``; its own code so that callers
        /// (the watch folder, `extract eval`) stop retrying.
        public static let modelConfiguration = Code(base: .modelConfiguration)
        /// No output that validates against the schema could be produced.
        public static let noValidOutput = Code(base: .noValidOutput)
        /// A bug: something that should not happen did.
        public static let internalError = Code(base: .internalError)

        /// The process exit code for this kind of failure (documented in the README).
        public var exitCode: Int32 {
            switch base {
            case .invalidSchema: 2
            case .fileNotFound, .notAFile, .unreadableFile: 3
            case .emptyFile, .notAPDF, .damagedPDF: 4
            case .passwordRequired, .wrongPassword: 5
            case .ocrLanguageMissing, .ocrFailed, .renderFailed: 6
            case .modelUnavailable, .modelConfiguration: 7
            case .noValidOutput: 8
            case .limitExceeded, .timeLimitExceeded: 9
            case .pageOutOfRange, .invalidOption: 64
            case .internalError: 70
            }
        }

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and, where possible, how to fix it.
    public var message: String
    /// The file the error is about, if any.
    public var path: String?
    /// The 1-based page the error is about, if any.
    public var page: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String, path: String? = nil, page: Int? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.page = page
    }

    /// One line: `file: page N: message`.
    public var description: String {
        var parts: [String] = []
        if let path { parts.append(path) }
        if let page { parts.append("page \(page)") }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
