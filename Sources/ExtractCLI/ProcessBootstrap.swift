import Foundation

/// glibc's `mallopt(3)`, which Swift's Glibc module does not import (`malloc.h` is not part of it).
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// `M_ARENA_MAX` from glibc's `malloc.h`.
private let mallocArenaMaximum: Int32 = -8

/// Process-level set-up that must happen before any library is used or any thread started.
public enum ProcessBootstrap {
    /// The variables a process that runs Tesseract needs from its start, with the values used when unset.
    ///
    /// Tesseract's OpenMP threads make OCR 5–9× slower on small machines unless `OMP_THREAD_LIMIT` is set when
    /// the process starts — the OpenMP runtime reads it while loading, so setting it later is too late. glibc
    /// gives each thread that allocates its own malloc arena, and memory freed in one arena is not reused by
    /// another: the peak resident size of the same 200-page run varied between 73 and 88 MiB, and was a steady
    /// 72 MiB with two arenas.
    static let nativeStageEnvironment = [("OMP_THREAD_LIMIT", "1"), ("MALLOC_ARENA_MAX", "2")]

    /// Makes sure the process that will run Poppler and Tesseract starts with ``nativeStageEnvironment``.
    ///
    /// - In an evidence worker (`extract __worker`) and in a run that reads in process (`--isolation none`),
    ///   Tesseract runs here: when a variable is missing the process re-executes itself once with it set (the
    ///   arguments are passed unchanged).
    /// - Otherwise (the default, worker processes) Tesseract never runs in this process, so it is not restarted —
    ///   a re-execution doubled the start of a run answered from the cache. The workers get the variables
    ///   through ``workerEnvironment()``, and this process limits its own malloc arenas with `mallopt`.
    ///
    /// Set either variable yourself to choose another value; it is then left alone.
    public static func ensureOpenMPThreadLimit(_ arguments: [String] = CommandLine.arguments) {
        let environment = ProcessInfo.processInfo.environment
        let missing = nativeStageEnvironment.filter { environment[$0.0] == nil }
        guard !missing.isEmpty else { return }
        guard runsNativeStagesInProcess(arguments) else {
            if environment["MALLOC_ARENA_MAX"] == nil { _ = mallopt(mallocArenaMaximum, 2) }
            return
        }
        for (name, value) in missing { setenv(name, value, 1) }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        // Only returns on failure, in which case we carry on in this process (slower OCR, same results).
        execv("/proc/self/exe", &argv)
        for pointer in argv { free(pointer) }
    }

    /// The variables of ``nativeStageEnvironment`` that this process's environment lacks, for worker processes.
    static func workerEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String: String] {
        var added: [String: String] = [:]
        for (name, value) in nativeStageEnvironment where environment[name] == nil { added[name] = value }
        return added
    }

    /// Whether these arguments make this process run Tesseract itself: a worker, or `--isolation none`.
    static func runsNativeStagesInProcess(_ arguments: [String]) -> Bool {
        if arguments.count >= 2, arguments[1] == WorkerMode.argument { return true }
        let options = arguments.dropFirst().prefix { $0 != "--" }
        for (index, argument) in options.enumerated() {
            if argument == "--isolation=none" { return true }
            if argument == "--isolation", options.dropFirst(index + 1).first == "none" { return true }
        }
        return false
    }
}
