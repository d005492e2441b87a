import Foundation

/// Renders an ``EvaluationReport`` as Markdown: the summary, a per-document table, a per-field table and,
/// with a baseline, the differences.
public enum MarkdownReport {
    /// The Markdown text.
    public static func render(_ report: EvaluationReport) -> String {
        var out = "# extract eval: \(report.dataset)\n\n"
        out += "Model `\(report.model)`, \(report.generatedAt), \(report.summary.documents) documents.\n\n"
        if report.isEvidenceOnly {
            out += "Evidence only: no model was asked, so accuracy, validity, fabrication and review are not "
                + "measured; evidence recall is the ceiling any model could reach.\n\n"
        }
        let summary = report.summary
        let metrics = summary.metrics
        out += "| metric | value |\n|---|---:|\n"
        out += "| field accuracy | \(percent(metrics.accuracy)) (\(metrics.correct)/\(metrics.scored)) |\n"
        out += "| schema-valid | \(percent(summary.schemaValidRate)) (\(summary.schemaValid)/\(summary.documents)) |\n"
        out += "| fabrication | \(percent(metrics.fabricationRate)) (\(metrics.fabricated)/\(metrics.absent)) |\n"
        if metrics.confirmed > 0 {
            out += "| values given where the ground truth is silent, found printed by the audit | "
                + "\(metrics.confirmed) |\n"
        }
        if metrics.unverified > 0 {
            out += "| values given where the ground truth is silent, not audited (check by hand) | "
                + "\(metrics.unverified): fabrication up to \(percent(metrics.fabricationRateUpperBound)) |\n"
        }
        out += "| needs-review precision | \(percent(metrics.reviewPrecision)) "
            + "(\(metrics.flaggedWrong)/\(metrics.flagged)) |\n"
        out += "| needs-review recall | \(percent(metrics.reviewRecall)) (\(metrics.flaggedWrong)/\(metrics.wrong)) |\n"
        out += "| evidence recall | \(percent(metrics.evidenceRecall)) "
            + "(\(metrics.evidenceFound)/\(metrics.evidenceChecked)) |\n"
        out += "| evidence recall, values marked printed | \(percent(metrics.printedEvidenceRecall)) "
            + "(\(metrics.printedFound)/\(metrics.printedChecked)) |\n"
        out += "| row precision / recall | \(percent(summary.rowPrecision)) / \(percent(summary.rowRecall)) |\n"
        out += "| time | \(seconds(summary.totalSeconds)) total, \(seconds(summary.meanSeconds)) per document |\n"
        out += "| tokens | \(summary.inputTokens) in, \(summary.outputTokens) out |\n\n"

        out += "## Documents\n\n"
        out += "| document | status | valid | accuracy | fabrication | review P / R | evidence | s | tokens |\n"
        out += "|---|---|---|---:|---:|---:|---:|---:|---:|\n"
        for document in report.documents {
            let m = document.metrics
            out += "| \(URL(fileURLWithPath: document.file).lastPathComponent) | \(document.status) | "
                + "\(document.schemaValid ? "yes" : "no") | \(percent(m.accuracy)) (\(m.correct)/\(m.scored)) | "
                + "\(percent(m.fabricationRate)) | \(percent(m.reviewPrecision)) / \(percent(m.reviewRecall)) | "
                + "\(percent(m.evidenceRecall)) | \(seconds(document.seconds)) | "
                + "\(document.inputTokens)+\(document.outputTokens) |\n"
        }

        out += "\n## Fields\n\n"
        out += "| field | rule | docs | accuracy | fabrication | review P / R | evidence |\n"
        out += "|---|---|---:|---:|---:|---:|---:|\n"
        for field in report.fields {
            let m = field.metrics
            out += "| `\(field.pointer)` | \(field.rule) | \(field.documents) | "
                + "\(percent(m.accuracy)) (\(m.correct)/\(m.scored)) | \(percent(m.fabricationRate)) | "
                + "\(percent(m.reviewPrecision)) / \(percent(m.reviewRecall)) | \(percent(m.evidenceRecall)) |\n"
        }

        out += auditSection(report)

        if let baseline = report.baseline {
            out += "\n## Against the baseline `\(baseline.file)`\n\n"
            out += "| metric | baseline | now | Δ |\n|---|---:|---:|---:|\n"
            for row in baseline.summary {
                let isRate = !["mean_seconds", "input_tokens", "output_tokens"].contains(row.name)
                out += "| \(row.name) | \(value(row.baseline, rate: isRate)) | \(value(row.current, rate: isRate)) | "
                    + "\(delta(row.delta, rate: isRate)) |\n"
            }
            let changed = baseline.fields.filter { ($0.delta ?? 0) != 0 || $0.delta == nil }
            if !changed.isEmpty {
                out += "\n| field | baseline | now | Δ |\n|---|---:|---:|---:|\n"
                for row in changed {
                    out += "| `\(row.name)` | \(percent(row.baseline)) | \(percent(row.current)) | "
                        + "\(delta(row.delta, rate: true)) |\n"
                }
            }
        }
        return out
    }

    /// A rate as `12.3 %`, or `–` when there is none.
    /// The values given where the ground truth is silent and no audit has a verdict on, as lines of an audit file
    /// (``ValueAudit``) whose verdict and place are left to fill in; PDFs relative to the list's folder, where
    /// an audit file beside the list names them so. Empty when there are none.
    static func auditSection(_ report: EvaluationReport) -> String {
        let folder = URL(fileURLWithPath: report.dataset).absoluteURL.deletingLastPathComponent().standardized
        var lines: [String] = []
        for document in report.documents {
            let pdf = relativePath(of: document.file, from: folder.path)
            for field in document.fields {
                for given in field.unaudited {
                    lines.append([pdf, given.pointer, given.value.serialized(sortedKeys: true), "?", "?"]
                        .joined(separator: "\t"))
                }
            }
        }
        guard !lines.isEmpty else { return "" }
        return "\n## Values to audit\n\nGiven where the ground truth is silent, and not ground truth; no audit has a "
            + "verdict on them. Check each in its document, write `printed` or `fabricated` and where, and add the "
            + "lines to the list's audit file:\n\n```\n" + lines.joined(separator: "\n") + "\n```\n"
    }

    /// `file` relative to `folder` (both absolute), with `..` where it lies outside.
    static func relativePath(of file: String, from folder: String) -> String {
        let target = URL(fileURLWithPath: file).standardized.pathComponents
        let base = URL(fileURLWithPath: folder).standardized.pathComponents
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...]
        return parts.joined(separator: "/")
    }

    public static func percent(_ rate: Double?) -> String {
        rate.map { String(format: "%.1f %%", $0 * 100) } ?? "–"
    }

    static func seconds(_ value: Double?) -> String {
        value.map { String(format: "%.1f s", $0) } ?? "–"
    }

    static func value(_ value: Double?, rate: Bool) -> String {
        rate ? percent(value) : value.map { String(format: "%.1f", $0) } ?? "–"
    }

    static func delta(_ value: Double?, rate: Bool) -> String {
        guard let value else { return "–" }
        return rate ? String(format: "%+.1f pp", value * 100) : String(format: "%+.1f", value)
    }
}
