import Foundation

/// Runs the same measurements with python-jsonschema (timed inside Python) for comparison.
enum PythonBaseline {
    struct Figures {
        var invoiceIsValid: Double
        var invoiceIterErrors: Double
        var suiteIsValid: Double
        var suiteIterErrors: Double
        var version: String
        /// Spurious errors python-jsonschema reports when the invoice is loaded with floats.
        var floatErrors: Int
        /// Suite cases timed, and cases left out because python-jsonschema raises on them.
        var suiteCases: Int
        var suiteSkipped: Int
    }

    static let script = #"""
    import decimal, json, os, sys, time
    from importlib.metadata import version
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    schema_path, instance_path, suite_root, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])

    def rate(fn):
        count, start = 0, time.perf_counter()
        while True:
            fn()
            count += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds and count >= 3:
                return count / elapsed

    # Decimal keeps multipleOf exact (with floats, python-jsonschema rejects e.g. 80.19 as a multiple of 0.0001).
    schema = json.load(open(schema_path), parse_float=decimal.Decimal)
    instance = json.load(open(instance_path), parse_float=decimal.Decimal)
    validator = jsonschema.Draft202012Validator(schema)
    float_errors = len(list(jsonschema.Draft202012Validator(json.load(open(schema_path))).iter_errors(
        json.load(open(instance_path)))))
    assert validator.is_valid(instance), "generated invoice should be valid"
    invoice_is_valid = rate(lambda: validator.is_valid(instance))
    invoice_iter = rate(lambda: list(validator.iter_errors(instance)))

    remotes = os.path.join(suite_root, "remotes")
    resources = []
    for folder, _, files in os.walk(remotes):
        for name in files:
            if name.endswith(".json"):
                path = os.path.join(folder, name)
                uri = "http://localhost:1234/" + os.path.relpath(path, remotes).replace(os.sep, "/")
                resources.append((uri, Resource.from_contents(json.load(open(path)),
                                                              default_specification=DRAFT202012)))
    registry = Registry().with_resources(resources)
    tests_dir = os.path.join(suite_root, "tests", "draft2020-12")
    cases = []
    skipped = 0
    for name in sorted(os.listdir(tests_dir)):
        if not name.endswith(".json"):
            continue
        for group in json.load(open(os.path.join(tests_dir, name))):
            v = jsonschema.Draft202012Validator(group["schema"], registry=registry)
            for test in group["tests"]:
                try:
                    v.is_valid(test["data"])
                except Exception:
                    skipped += 1  # e.g. \p{...} patterns that Python's re rejects
                    continue
                cases.append((v, test["data"]))

    def suite_is_valid():
        for v, data in cases:
            v.is_valid(data)

    def suite_iter():
        for v, data in cases:
            list(v.iter_errors(data))

    suite_is_valid_rate = rate(suite_is_valid) * len(cases)
    suite_iter_rate = rate(suite_iter) * len(cases)
    print(json.dumps({
        "invoice_is_valid": invoice_is_valid, "invoice_iter_errors": invoice_iter,
        "suite_is_valid": suite_is_valid_rate, "suite_iter_errors": suite_iter_rate,
        "version": version("jsonschema"), "float_errors": float_errors,
        "suite_cases": len(cases), "suite_skipped": skipped,
    }))
    """#

    /// Runs the script with `python`; returns `nil` (and prints why) when Python or jsonschema is missing.
    static func run(
        python: String, schemaText: String, instanceText: String, suiteRoot: URL, seconds: Double
    ) -> Figures? {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bench-jsonschema-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let scriptURL = folder.appendingPathComponent("bench.py")
            let schemaURL = folder.appendingPathComponent("schema.json")
            let instanceURL = folder.appendingPathComponent("instance.json")
            try script.write(to: scriptURL, atomically: true, encoding: .utf8)
            try schemaText.write(to: schemaURL, atomically: true, encoding: .utf8)
            try instanceText.write(to: instanceURL, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [python, scriptURL.path, schemaURL.path, instanceURL.path, suiteRoot.path,
                                 String(seconds)]
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            let errorData = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0,
                  let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                let message = String(decoding: errorData, as: UTF8.self)
                print("python-jsonschema baseline failed (exit \(process.terminationStatus)): \(message)")
                print("install it with: \(python) -m pip install jsonschema")
                return nil
            }
            return Figures(
                invoiceIsValid: object["invoice_is_valid"] as? Double ?? 0,
                invoiceIterErrors: object["invoice_iter_errors"] as? Double ?? 0,
                suiteIsValid: object["suite_is_valid"] as? Double ?? 0,
                suiteIterErrors: object["suite_iter_errors"] as? Double ?? 0,
                version: object["version"] as? String ?? "?",
                floatErrors: object["float_errors"] as? Int ?? 0,
                suiteCases: object["suite_cases"] as? Int ?? 0,
                suiteSkipped: object["suite_skipped"] as? Int ?? 0
            )
        } catch {
            print("python-jsonschema baseline could not run: \(error)")
            return nil
        }
    }
}
