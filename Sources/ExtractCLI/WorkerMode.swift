import DocExtract
import Foundation

/// `extract __worker`: the hidden mode in which `extract` serves evidence requests for a parent `extract`
/// (see ``EvidenceWorker``). Not a user command; it is never listed in the help.
enum WorkerMode {
    /// The argument that selects worker mode.
    static let argument = "__worker"

    /// Serves and exits when the process was started as a worker; returns otherwise.
    static func runIfRequested(_ arguments: [String] = CommandLine.arguments) {
        guard arguments.count >= 2, arguments[1] == argument else { return }
        exit(EvidenceWorker.serve(arguments: Array(arguments.dropFirst(2))))
    }

    /// Worker processes running this very executable.
    static func options(memoryLimitBytes: Int?) -> WorkerProcessOptions {
        var options = WorkerProcessOptions(executable: URL(fileURLWithPath: "/proc/self/exe"))
        options.arguments = [argument]
        options.memoryLimitBytes = memoryLimitBytes
        options.environment = ProcessBootstrap.workerEnvironment()
        return options
    }
}
