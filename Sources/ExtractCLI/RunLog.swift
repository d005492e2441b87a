import ArgumentParser
import DocExtract
import ExtractCore
import Foundation
import JSONCore

/// `--log FILE`: one JSON line per stage request and per page routing decision (model calls are appended to
/// the same file by the model clients).
final class RunLog: Sendable {
    /// How records are written.
    enum Format: String, ExpressibleByArgument, Sendable {
        /// One JSON object per line.
        case json
        /// `key=value` pairs, one record per line, for people reading the file.
        case text
    }

    private let path: String
    private let format: Format

    init(path: String, format: Format = .json) throws {
        self.path = path
        self.format = format
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw ExtractError(.invalidOption, "cannot create the log file", path: path)
            }
        }
    }

    func append(_ record: JSONValue) {
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        let line: String
        switch format {
        case .json:
            line = record.serialized()
        case .text:
            line = (record.objectValue.map { object in
                object.map { key, value in "\(key)=\(value.stringValue ?? value.serialized())" }
            } ?? [record.serialized()]).joined(separator: " ")
        }
        try? handle.write(contentsOf: Data((line + "\n").utf8))
    }

    func record(_ result: ExtractionResult, events: [StageEvent]) {
        let time = ISO8601DateFormatter().string(from: Date())
        for event in events {
            append([
                "time": .string(time), "file": .string(result.file), "event": "stage", "stage": .string(event.stage),
                "input": .string(event.input.count > 120 ? String(event.input.prefix(120)) + "…" : event.input),
                "outcome": .string(event.outcome.rawValue), "seconds": .number(JSONNumber(event.seconds)),
            ])
        }
        for page in result.pages {
            append([
                "time": .string(time), "file": .string(result.file), "event": "routing",
                "page": .number(JSONNumber(page.page)), "ocr": .bool(page.decision?.runOCR ?? false),
                "reason": .string(page.decision?.reason ?? ""),
                "chars_per_sq_in": .number(JSONNumber(page.probe?.charactersPerSquareInch ?? 0)),
                "image_coverage": .number(JSONNumber(page.probe?.imageCoverage ?? 0)),
                "ocr_regions": .number(JSONNumber(page.decision?.regions?.count ?? 0)),
                "ocr_words": .number(JSONNumber(page.ocrWords)),
            ])
        }
        append([
            "time": .string(time), "file": .string(result.file), "event": "result",
            "status": .string(result.status.rawValue), "needs_review": .number(JSONNumber(result.needsReview.count)),
            "seconds": .number(JSONNumber(result.timings.totalSeconds)),
        ])
    }
}
