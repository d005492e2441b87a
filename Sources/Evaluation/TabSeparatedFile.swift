import Foundation

/// A tab-separated file of an evaluation (a dataset list, an audit): its lines without `\r`, and paths in it
/// relative to its folder.
struct TabSeparatedFile {
    /// One line that is neither blank nor a comment.
    struct Line {
        /// 1-based.
        var number: Int
        /// The line's fields, split at tabs.
        var fields: [String]
    }

    /// The file's path, as given.
    let path: String
    /// Every line, without its `\r`, comments and directives (`#…`) included.
    let lines: [String]
    private let folder: URL

    /// Reads the file at `path`; `what` names it in the error (`the dataset list`).
    ///
    /// - Throws: ``EvaluationError`` when the file cannot be read.
    init(path: String, what: String) throws(EvaluationError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError("\(path): \(what) cannot be read")
        }
        self.path = path
        folder = URL(fileURLWithPath: path).absoluteURL.deletingLastPathComponent()
        lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\r")) }
    }

    /// The lines that are neither blank nor start with `#`.
    var records: [Line] {
        lines.enumerated().compactMap { index, line in
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty, !line.hasPrefix("#") else { return nil }
            return Line(number: index + 1, fields: line.split(separator: "\t", omittingEmptySubsequences: false)
                .map(String.init))
        }
    }

    /// `name` as a path: kept when absolute, else relative to the file's folder.
    func resolve(_ name: String) -> String {
        name.hasPrefix("/") ? name : folder.appendingPathComponent(name).standardized.path
    }

    /// `path:line`, to open an error message with.
    func at(_ line: Int) -> String {
        "\(path):\(line)"
    }
}
