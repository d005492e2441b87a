import Foundation
import JSONCore

/// Validates instances against a compiled ``JSONSchema`` with chosen options.
///
/// ```swift
/// let validator = Validator(schema: schema, options: .init(assertFormat: true))
/// let result = validator.validate(instance)
/// if !result.isValid { result.errors.forEach { print($0) } }
/// ```
///
/// Every error is returned, each with its instance location, keyword location, absolute keyword location and
/// a message. `default` and the other meta-data keywords are annotations only: the instance is never changed.
///
/// With ``Options/assertFormat``, `format` is checked for: `date`, `time`, `date-time` (RFC 3339),
/// `duration` (RFC 3339 appendix A), `email`, `idn-email`, `hostname`, `idn-hostname`, `ipv4`, `ipv6`,
/// `uri`, `uri-reference`, `iri`, `iri-reference` (RFC 3986/3987 syntax), `uuid`, `json-pointer`,
/// `relative-json-pointer`, `regex` (ECMA-262, see ``JSONSchema``) and `uri-template`; other formats pass.
public struct Validator: Sendable {
    /// Validation options.
    public struct Options: Sendable, Hashable {
        /// Treat `format` as an assertion (off by default: draft 2020-12 makes it an annotation).
        public var assertFormat: Bool

        /// Creates options.
        public init(assertFormat: Bool = false) {
            self.assertFormat = assertFormat
        }
    }

    /// The schema instances are validated against.
    public let schema: JSONSchema
    /// The options in effect.
    public let options: Options

    /// Creates a validator for `schema`.
    public init(schema: JSONSchema, options: Options = Options()) {
        self.schema = schema
        self.options = options
    }

    /// Validates `instance` and returns every error found.
    public func validate(_ instance: JSONValue) -> ValidationResult {
        ValidationResult(errors: run(instance, reporting: true).errors)
    }

    /// Whether `instance` is valid, stopping at the first error.
    public func isValid(_ instance: JSONValue) -> Bool {
        run(instance, reporting: false).valid
    }

    /// Nested evaluations tried on the caller's thread; deeper instances are validated again on a thread
    /// with a large stack, so deep documents never overflow the caller's stack.
    static let callerThreadDepthLimit = 256
    /// Nested evaluations allowed on the large-stack thread.
    static let largeStackDepthLimit = 20_000
    private static let largeStackSize = 512 << 20

    private func run(_ instance: JSONValue, reporting: Bool) -> (valid: Bool, errors: [ValidationError]) {
        let first = evaluate(instance, reporting: reporting, depthLimit: Validator.callerThreadDepthLimit)
        guard first.exceededDepth else { return (first.valid, first.errors) }
        final class Box: @unchecked Sendable {
            // Written by the worker thread before the semaphore is signalled, read after the wait.
            var result: (valid: Bool, errors: [ValidationError], exceededDepth: Bool) = (false, [], false)
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let validator = self
        let thread = Thread {
            box.result = validator.evaluate(instance, reporting: reporting, depthLimit: Validator.largeStackDepthLimit)
            done.signal()
        }
        thread.stackSize = Validator.largeStackSize
        thread.start()
        done.wait()
        return (box.result.valid, box.result.errors)
    }

    private func evaluate(
        _ instance: JSONValue, reporting: Bool, depthLimit: Int
    ) -> (valid: Bool, errors: [ValidationError], exceededDepth: Bool) {
        var evaluator = Evaluator(
            schema: schema.compiled, assertFormat: options.assertFormat, reporting: reporting, depthLimit: depthLimit
        )
        var annotations = Annotations()
        let valid = evaluator.evaluate(schema.compiled.root, instance, &annotations, collect: false)
        return (valid, evaluator.errors, evaluator.exceededDepth)
    }

    /// Parses JSON text and validates it.
    ///
    /// - Throws: ``JSONCore/JSONParseError`` (with line and column) when the text is not JSON.
    public func validate(parsing text: String) throws(JSONParseError) -> ValidationResult {
        validate(try JSONValue(parsing: text))
    }
}
