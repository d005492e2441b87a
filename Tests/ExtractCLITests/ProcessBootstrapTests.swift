@testable import ExtractCLI
import Testing

/// Which `extract` processes restart themselves to get `OMP_THREAD_LIMIT` and `MALLOC_ARENA_MAX` at start, and
/// what worker processes are given.
@Suite struct ProcessBootstrapTests {
    @Test(arguments: [
        (["extract", "__worker"], true),
        (["extract", "in.pdf", "--schema", "s.json", "--isolation", "none"], true),
        (["extract", "inspect", "in.pdf", "--isolation=none"], true),
        (["extract", "in.pdf", "--schema", "s.json"], false),
        (["extract", "in.pdf", "--isolation", "process"], false),
        (["extract", "in.pdf", "--isolation"], false),
        (["extract", "--", "--isolation", "none"], false),
        (["extract", "none", "--isolation-x"], false),
    ])
    func onlyProcessesThatRunTesseractRestart(_ arguments: [String], _ restarts: Bool) {
        #expect(ProcessBootstrap.runsNativeStagesInProcess(arguments) == restarts, "\(arguments)")
    }

    @Test func workersGetTheVariablesTheUserDidNotSet() {
        #expect(ProcessBootstrap.workerEnvironment([:]) == ["OMP_THREAD_LIMIT": "1", "MALLOC_ARENA_MAX": "2"])
        #expect(ProcessBootstrap.workerEnvironment(["OMP_THREAD_LIMIT": "4"]) == ["MALLOC_ARENA_MAX": "2"])
        #expect(ProcessBootstrap.workerEnvironment(["OMP_THREAD_LIMIT": "4", "MALLOC_ARENA_MAX": "8"]).isEmpty)
    }
}
