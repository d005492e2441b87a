import Foundation
import JSONCore

/// Reads a ground-truth file in the shapes the corpora use.
public enum GroundTruth {
    /// The expected value in `data`, unwrapped to what the schema describes:
    /// - a one-element array whose element is an object (invoice2data: element `[0]`) → that element;
    /// - an object with a `fields` object when the schema has no `fields` property (Kleister-NDA) → `fields`;
    /// - anything else as it is.
    public static func expectedValue(_ value: JSONValue, schema: JSONValue) -> JSONValue {
        if let array = value.arrayValue, array.count == 1, array[0].objectValue != nil,
            !(schema["type"]?.stringValue == "array") {
            return array[0]
        }
        if let fields = value["fields"], fields.objectValue != nil, schema["properties"]?["fields"] == nil {
            return fields
        }
        return value
    }

    /// Reads and unwraps the ground truth at `path`.
    ///
    /// - Throws: ``EvaluationError`` when the file is unreadable or not JSON.
    public static func load(_ path: String, schema: JSONValue) throws(EvaluationError) -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError("\(path): the ground truth cannot be read")
        }
        do {
            return expectedValue(try JSONValue(parsing: data), schema: schema)
        } catch {
            throw EvaluationError("\(path): the ground truth is not JSON: \(error)")
        }
    }
}
