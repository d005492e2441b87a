import ArgumentParser
import ExtractCore
import Foundation
import ModelClients

/// Turns errors into one line on stderr and the documented exit code.
enum CLIError {
    static func exit(for error: Error) -> ExitCode {
        switch error {
        case let code as ExitCode:
            // Already reported.
            return code
        case var error as ExtractError:
            error.path = error.path.map(visible)
            printError("extract: \(error)")
            return ExitCode(error.code.exitCode)
        case let error as ModelClientError:
            printError("extract: \(error.message)")
            return ExitCode(ExtractError.Code.modelUnavailable.exitCode)
        case is CancellationError:
            printError("extract: cancelled")
            return ExitCode(130)
        default:
            printError("extract: \(error)")
            return ExitCode(70)
        }
    }

    /// `text` with control characters written as escapes (`\n`, `\t`, `\u{1B}`), so that a file name cannot split
    /// the one line a message takes or send escape sequences to a terminal.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            case _ where scalar.properties.generalCategory == .control:
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
