import Foundation
import JSONCore

/// A corpus's own record of which expected values the document prints, value by value: the ZUGFeRD dev set's
/// `<name>.visibility.json` beside `<name>.expected.json` (`{"fields": {"seller.name": true,
/// "lines[0].unit": false, …}}`, see `../shared/corpus/README.md`).
///
/// Where a mark exists it decides whether a value counts towards the recall of values marked printed; elsewhere
/// the schema's annotations do (``ScoredField/isMarkedPrinted``). The plain evidence recall never uses marks.
public struct PrintedMarks: Sendable, Hashable {
    /// Marks by key: property names joined with `.`, an array element as `[index]` after its property
    /// (`tax_breakdown[1].rate`), indices into the expected arrays.
    public var marks: [String: Bool]

    /// Creates marks from `marks`.
    public init(_ marks: [String: Bool]) {
        self.marks = marks
    }

    /// The mark of the value at `path`, with `index` after the array property `path[0..<arrayDepth]` when
    /// given; nil when the file has none.
    public func isPrinted(_ path: [String], index: Int? = nil, arrayDepth: Int = 0) -> Bool? {
        marks[Self.key(path, index: index, arrayDepth: arrayDepth)]
    }

    /// The key of the value at `path` (see ``marks``).
    static func key(_ path: [String], index: Int?, arrayDepth: Int) -> String {
        guard let index else { return path.joined(separator: ".") }
        let array = path.prefix(arrayDepth).joined(separator: ".") + "[\(index)]"
        let rest = path.dropFirst(arrayDepth)
        return rest.isEmpty ? array : array + "." + rest.joined(separator: ".")
    }

    /// The marks file for the ground truth at `expected`: `X.visibility.json` beside `X.expected.json`; nil
    /// when there is none.
    public static func path(besideExpected expected: String) -> String? {
        guard expected.hasSuffix(".expected.json") else { return nil }
        let candidate = String(expected.dropLast(".expected.json".count)) + ".visibility.json"
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// Reads a marks file: an object whose `fields` object maps keys to booleans (other members are ignored).
    ///
    /// - Throws: ``EvaluationError`` naming the file when it is unreadable, not JSON or has no `fields` object
    ///   of booleans.
    public static func load(_ path: String) throws(EvaluationError) -> PrintedMarks {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError("\(path): the printed-value marks cannot be read")
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: data)
        } catch {
            throw EvaluationError("\(path): the printed-value marks are not JSON: \(error)")
        }
        guard let fields = value["fields"]?.objectValue else {
            throw EvaluationError("\(path): the printed-value marks have no \"fields\" object")
        }
        var marks: [String: Bool] = [:]
        for (key, mark) in fields {
            guard let flag = mark.boolValue else {
                throw EvaluationError("\(path): the mark of \"\(key)\" is not true or false")
            }
            marks[key] = flag
        }
        return PrintedMarks(marks)
    }
}
