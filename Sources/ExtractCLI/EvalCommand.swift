import ArgumentParser
import DocExtract
import Evaluation
import ExtractCore
import Foundation
import JSONCore
import ModelClients

/// `extract eval --dataset LIST`: extract every listed document and score it against its ground truth.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Extract every document of a dataset list and score the output against its ground truth.",
        discussion: """
            LIST has one PDF<TAB>EXPECTED.json<TAB>SCHEMA.json per line, paths relative to the list; lines \
            starting with # are comments. Every field is compared with its schema's x-compare rule (numeric, \
            date, identifier, digits, exact-ci, fuzzy, line-items, set, ignore; exact without one). Reported \
            per document and per field: accuracy, schema-valid rate, fabrication rate, needs-review precision \
            and recall, evidence recall (expected values printed anywhere in the evidence), time and tokens. \
            Evidence recall is also given over the values marked printed: by X.visibility.json beside \
            X.expected.json where the corpus has one, else by the schema's x-in-document and x-source.

            A list whose ground truth leaves out values the documents print says so with the line \
            "#! absent values are not ground truth"; a value given there is then unverified (fabrication is \
            given as a range) unless an audit file, named by the line "#! audit FILE", has a verdict on it \
            (PDF<TAB>POINTER<TAB>VALUE-JSON<TAB>printed|fabricated<TAB>where, checked by hand).

            Examples:
              extract eval --dataset eval/invoice2data.tsv --out results.json --markdown results.md
              extract eval --dataset eval/sroie.tsv --limit 5 --baseline previous.json
              extract eval --dataset eval/sroie.tsv --evidence-only --dpi 400

            Exit codes: 0 evaluated (whatever the scores), 2 a schema is invalid, 7 no model reachable, \
            9 a limit was exceeded, 64 the list, a ground truth or the baseline is unusable.
            """
    )

    @Option(help: "The dataset list (PDF<TAB>EXPECTED.json<TAB>SCHEMA.json per line).")
    var dataset: String

    @Option(help: "Write the results JSON here (default: stdout).")
    var out: String?

    @Option(help: "Write the results as a Markdown table here.")
    var markdown: String?

    @Option(help: "A previous results JSON: report the difference of every metric.")
    var baseline: String?

    @Option(help: "Evaluate only the first N documents of the list.")
    var limit: Int?

    @Flag(
        help: """
            Read the evidence only, without a model: measure evidence recall (the ceiling any model can reach) \
            in seconds and list every expected value not found; accuracy is not measured.
            """
    )
    var evidenceOnly = false

    @OptionGroup var options: ExtractionOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let entries: [DatasetEntry]
        let previous: EvaluationReport?
        do {
            entries = Array(try DatasetEntry.load(list: dataset).prefix(limit ?? Int.max))
            previous = try baseline.map { path throws(EvaluationError) in try EvaluationReport.load(path) }
        } catch {
            CLIError.printError("extract: \(error)")
            throw ExitCode(64)
        }
        var documents: [DocumentScore] = []
        var model = evidenceOnly ? EvaluationReport.evidenceOnlyModel
            : "\(options.provider.rawValue)/\(options.model ?? "default")"
        do {
            let extractor = try Extractor(configuration: try options.configuration())
            defer {
                extractor.close()
                LocalModelServer.stopAll()
            }
            var schemas: [String: (JSONValue, DocumentScorer)] = [:]
            var audits: [String: ValueAudit] = [:]
            for (index, entry) in entries.enumerated() {
                if schemas[entry.schema] == nil {
                    let schema = try SchemaFile.load(entry.schema)
                    schemas[entry.schema] = (schema, DocumentScorer(plan: try ScoringPlan(schema: schema)))
                }
                var (schema, scorer) = schemas[entry.schema]!
                if let file = entry.audit {
                    if audits[file] == nil { audits[file] = try ValueAudit.load(file) }
                    scorer.audit = audits[file]!
                }
                let expected = try GroundTruth.load(entry.expected, schema: schema)
                let marks = try PrintedMarks.path(besideExpected: entry.expected).map {
                    path throws(EvaluationError) in try PrintedMarks.load(path)
                }
                let prediction = try await predict(entry, schema: schema, extractor: extractor, model: &model)
                let score = DocumentScore(
                    entry: entry, schema: schema, expected: expected, prediction: prediction, scorer: scorer,
                    marks: marks
                )
                documents.append(score)
                CLIError.printError(Self.progressLine(score, index: index + 1, of: entries.count))
                if evidenceOnly {
                    for line in Self.missedLines(score) { CLIError.printError(line) }
                }
            }
        } catch let error as EvaluationError {
            CLIError.printError("extract: \(error)")
            throw ExitCode(64)
        } catch let error as ExitCode {
            throw error
        } catch {
            throw CLIError.exit(for: error)
        }
        var report = EvaluationReport(dataset: dataset, model: model, documents: documents)
        if let previous, let baseline {
            report.baseline = BaselineComparison(file: baseline, baseline: previous, current: report)
        }
        try write(report)
    }

    /// Runs one extraction. Input problems of one document become an `error` entry; an unreachable model or
    /// an exhausted budget stops the evaluation (every later document would fail the same way).
    private func predict(_ entry: DatasetEntry, schema: JSONValue, extractor: Extractor, model: inout String)
        async throws -> Prediction
    {
        let started = ContinuousClock.now
        do {
            if evidenceOnly {
                let evidence = try await extractor.readEvidence(.file(entry.pdf, password: options.password))
                return Prediction(
                    value: nil, status: "evidence-only", evidence: evidence, seconds: Self.seconds(since: started)
                )
            }
            let (result, evidence) = try await extractor.extractWithEvidence(
                .file(entry.pdf, password: options.password), schema: schema
            )
            model = result.usage.model
            return Prediction(
                value: result.value, status: result.status.rawValue, needsReview: result.needsReview,
                evidence: evidence, seconds: result.timings.totalSeconds, inputTokens: result.usage.inputTokens,
                outputTokens: result.usage.outputTokens, modelCalls: result.usage.calls, errors: result.errors
            )
        } catch let error as ExtractError
            where ![.modelUnavailable, .modelConfiguration, .limitExceeded].contains(error.code) {
            CLIError.printError("extract: \(error)")
            return Prediction(value: nil, status: "error", seconds: Self.seconds(since: started), errors: ["\(error)"])
        }
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// One stderr line per expected value that was not found in the evidence.
    static func missedLines(_ score: DocumentScore) -> [String] {
        score.fields.filter { $0.evidenceFound < $0.evidenceChecked }.map { field in
            let expected = field.expected.map { CLIError.visible($0.serialized()) } ?? "(rows)"
            let count = field.evidenceChecked - field.evidenceFound
            return "  not in the evidence: \(field.pointer) (\(field.rule)) \(expected)"
                + (count > 1 ? " — \(count) values" : "")
                + (field.printedChecked < field.evidenceChecked ? " (the ground truth does not mark it printed)" : "")
        }
    }

    private func write(_ report: EvaluationReport) throws {
        do {
            let data = try report.jsonData() + Data("\n".utf8)
            if let out {
                try AtomicFile.write(data, to: URL(fileURLWithPath: out))
            } else {
                FileHandle.standardOutput.write(data)
            }
            if let markdown {
                try AtomicFile.write(Data(MarkdownReport.render(report).utf8), to: URL(fileURLWithPath: markdown))
            }
        } catch {
            CLIError.printError("extract: cannot write the results: \(error)")
            throw ExitCode(73)
        }
        let metrics = report.summary.metrics
        // Without a model there is no output: accuracy, validity and fabrication are not measured.
        let scores = report.isEvidenceOnly ? ""
            : "accuracy \(MarkdownReport.percent(metrics.accuracy)) (\(metrics.correct)/\(metrics.scored)), "
                + "schema-valid \(MarkdownReport.percent(report.summary.schemaValidRate)), fabrication "
                + "\(MarkdownReport.percent(metrics.fabricationRate)) (\(metrics.fabricated)/\(metrics.absent)"
                + (metrics.unverified > 0
                    ? "; up to \(MarkdownReport.percent(metrics.fabricationRateUpperBound)) with "
                        + "\(metrics.unverified) values not audited" : "")
                + "), "
        CLIError.printError(
            "eval: \(report.summary.documents) documents, \(scores)evidence recall "
                + "\(MarkdownReport.percent(metrics.evidenceRecall)) "
                + "(\(metrics.evidenceFound)/\(metrics.evidenceChecked); "
                + "values marked printed \(MarkdownReport.percent(metrics.printedEvidenceRecall)), "
                + "\(metrics.printedFound)/\(metrics.printedChecked))"
        )
    }

    static func progressLine(_ score: DocumentScore, index: Int, of total: Int) -> String {
        let m = score.metrics
        return "eval [\(index)/\(total)] \(score.file): \(score.status), \(m.correct)/\(m.scored) right, "
            + "evidence \(m.evidenceFound)/\(m.evidenceChecked), \(String(format: "%.1f", score.seconds)) s"
    }
}
