import ExtractCore
import Foundation

/// A validated list of Tesseract languages such as `eng` or `eng+deu`, with the folder holding their data.
public struct OCRLanguages: Sendable, Hashable, CustomStringConvertible {
    /// Language codes in priority order, e.g. `["eng", "deu"]`.
    public let codes: [String]
    /// The `tessdata` folder that holds every language's `.traineddata` file.
    public let dataDirectory: String

    /// The folders searched for language data when `TESSDATA_PREFIX` is not set, in order.
    public static let standardDataDirectories = [
        "/usr/share/tesseract-ocr/5/tessdata",
        "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata",
        "/usr/local/share/tessdata",
        "/opt/homebrew/share/tessdata",
    ]

    /// Validates `spec` (`eng`, `eng+deu`) and finds the data for every language.
    ///
    /// - Throws: `ExtractError` `.invalidOption` for a malformed spec, `.ocrLanguageMissing` naming the Debian
    ///   package to install when a language's data is not found.
    public init(_ spec: String = "eng", environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let codes = spec.split(separator: "+", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard !codes.isEmpty, codes.allSatisfy({ Self.isValidCode($0) }) else {
            throw ExtractError(
                .invalidOption,
                "invalid OCR language list '\(spec)': use Tesseract codes joined by '+', e.g. eng or eng+deu"
            )
        }
        let candidates: [String]
        if let prefix = environment["TESSDATA_PREFIX"], !prefix.isEmpty {
            candidates = [prefix, (prefix as NSString).appendingPathComponent("tessdata")]
        } else {
            candidates = Self.standardDataDirectories
        }
        let fileManager = FileManager.default
        func hasAll(_ directory: String) -> Bool {
            codes.allSatisfy { fileManager.fileExists(atPath: "\(directory)/\($0).traineddata") }
        }
        if let directory = candidates.first(where: hasAll) {
            self.codes = codes
            self.dataDirectory = directory
            return
        }
        let searched = candidates.filter { fileManager.fileExists(atPath: $0) }
        let missing = codes.filter { code in
            !candidates.contains { fileManager.fileExists(atPath: "\($0)/\(code).traineddata") }
        }
        let names = (missing.isEmpty ? codes : missing)
        let packages = names.map { "tesseract-ocr-" + $0.lowercased().replacingOccurrences(of: "_", with: "-") }
        let place = searched.isEmpty ? "no tessdata folder was found" : "searched \(searched.joined(separator: ", "))"
        throw ExtractError(
            .ocrLanguageMissing,
            "OCR language data for \(names.joined(separator: "+")) is not installed (\(place)): "
                + "install it with 'apt-get install \(packages.joined(separator: " "))' "
                + "or set TESSDATA_PREFIX to the tessdata folder that holds the .traineddata files"
        )
    }

    /// The list as Tesseract expects it: `eng+deu`.
    public var description: String { codes.joined(separator: "+") }

    private static func isValidCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 32 && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
