// BenchJSONSchema: validations per second of the JSONSchema module, beside python-jsonschema.
//
// Usage: BenchJSONSchema [--corpus ../shared/corpus] [--seconds 2] [--python python3] [--lines 4000]
//                        [--no-python]
// Measures a generated ~1 MB invoice against an invoice schema, and every required case of the official
// draft 2020-12 test suite (schemas compiled beforehand). Both sides are timed in-process.

import Foundation
import JSONCore
import JSONSchema

var corpusPath = ProcessInfo.processInfo.environment["DOCEXTRACT_SHARED"].map { $0 + "/corpus" }
    ?? "../shared/corpus"
var seconds = 2.0
var python = "python3"
var lineCount = 4_000
var runPython = true
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--corpus": corpusPath = arguments.next() ?? corpusPath
    case "--seconds": seconds = arguments.next().flatMap(Double.init) ?? seconds
    case "--python": python = arguments.next() ?? python
    case "--lines": lineCount = arguments.next().flatMap(Int.init) ?? lineCount
    case "--no-python": runPython = false
    default:
        print("usage: BenchJSONSchema [--corpus DIR] [--seconds S] [--python EXE] [--lines N] [--no-python]")
        exit(2)
    }
}

/// Calls `body` until `seconds` have passed (and at least 3 times); returns calls per second.
@MainActor func rate(_ body: () -> Bool) -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    var count = 0
    var sink = 0
    while true {
        if body() { sink &+= 1 }
        count += 1
        let elapsed = clock.now - start
        let elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        if elapsedSeconds >= seconds, count >= 3 {
            if sink == -1 { print("") }
            return Double(count) / elapsedSeconds
        }
    }
}

func formatted(_ value: Double) -> String {
    if value >= 100 { return String(Int(value.rounded())) }
    return String(format: "%.2f", value)
}

// MARK: Invoice

let instance = InvoiceFixture.instance(lines: lineCount)
let instanceText = instance.serialized()
let schema: JSONSchema
do {
    schema = try JSONSchema(parsing: InvoiceFixture.schemaText)
} catch {
    print("invoice schema does not compile: \(error)")
    exit(1)
}
let validator = Validator(schema: schema)
let check = validator.validate(instance)
guard check.isValid else {
    print("generated invoice is invalid:\n\(check)")
    exit(1)
}
let megabytes = Double(instanceText.utf8.count) / 1_000_000
print("JSONSchema benchmark: invoice of \(lineCount) lines (\(String(format: "%.2f", megabytes)) MB), "
    + "\(seconds) s per measurement")
let invoiceIsValid = rate { validator.isValid(instance) }
let invoiceValidate = rate { validator.validate(instance).isValid }

// MARK: Suite

let suiteRoot = URL(fileURLWithPath: corpusPath).appendingPathComponent("jsonschema-suite")
var suiteIsValid: Double?
var suiteValidate: Double?
var suitePassed = 0
var suiteTotal = 0
do {
    let suite = try SuiteCases(suiteRoot: suiteRoot)
    suiteTotal = suite.cases.count
    suitePassed = suite.cases.filter { $0.validator.isValid($0.data) == $0.expected }.count
    suiteIsValid = rate { suite.cases.allSatisfy { $0.validator.isValid($0.data) || true } } * Double(suiteTotal)
    suiteValidate = rate {
        suite.cases.allSatisfy { $0.validator.validate($0.data).isValid || true }
    } * Double(suiteTotal)
} catch {
    print("suite not measured (\(suiteRoot.path)): \(error)")
}

// MARK: Python

let baseline = runPython ? PythonBaseline.run(
    python: python, schemaText: InvoiceFixture.schemaText, instanceText: instanceText, suiteRoot: suiteRoot,
    seconds: seconds
) : nil

// MARK: Table

func row(_ name: String, _ swift: Double?, _ other: Double?) -> String {
    let swiftText = swift.map(formatted) ?? "-"
    let otherText = other.map(formatted) ?? "-"
    let ratio = swift.flatMap { swiftValue in other.map { String(format: "%.1fx", swiftValue / $0) } } ?? "-"
    return name.padding(toLength: 44, withPad: " ", startingAt: 0)
        + swiftText.leftPadded(14) + otherText.leftPadded(18) + ratio.leftPadded(10)
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

print("")
print("Measurement (validations/s)".padding(toLength: 44, withPad: " ", startingAt: 0)
    + "JSONSchema".leftPadded(14) + "python-jsonschema".leftPadded(18) + "ratio".leftPadded(10))
print(String(repeating: "-", count: 86))
print(row("invoice ~1 MB, isValid (first error)", invoiceIsValid, baseline?.invoiceIsValid))
print(row("invoice ~1 MB, validate (all errors)", invoiceValidate, baseline?.invoiceIterErrors))
print(row("suite cases, isValid (first error)", suiteIsValid, baseline?.suiteIsValid))
print(row("suite cases, validate (all errors)", suiteValidate, baseline?.suiteIterErrors))
print(String(repeating: "-", count: 86))
if suiteTotal > 0 { print("suite: \(suitePassed)/\(suiteTotal) required cases pass") }
if let baseline {
    print("python-jsonschema \(baseline.version) (Draft202012Validator, is_valid / list(iter_errors)), "
        + "timed in Python;")
    print("  invoice loaded with parse_float=Decimal so multipleOf is exact (with floats it reports "
        + "\(baseline.floatErrors) spurious multipleOf errors on this valid invoice)")
    print("  suite: \(baseline.suiteCases) cases timed in Python, \(baseline.suiteSkipped) left out because "
        + "it raises on them (JSONSchema times all \(suiteTotal))")
} else if runPython {
    print("python-jsonschema: not measured")
}
