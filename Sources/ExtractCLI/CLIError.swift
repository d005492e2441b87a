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
        case let error as ExtractError:
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

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
