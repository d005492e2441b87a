import Foundation

/// Process-level set-up that must happen before any library is loaded or any thread started.
public enum ProcessBootstrap {
    /// Makes sure `OMP_THREAD_LIMIT=1` and `MALLOC_ARENA_MAX=2` are in the environment when the process starts.
    ///
    /// Tesseract's OpenMP threads make OCR 5–9× slower on small machines unless `OMP_THREAD_LIMIT` is set at
    /// process start — setting it later is too late for the OpenMP runtime. glibc gives each thread that
    /// allocates its own malloc arena, and memory freed in one arena is not reused by another: the peak resident
    /// size of the same 200-page run varied between 73 and 88 MiB, and was a steady 72 MiB with two arenas
    /// (20 pages: 51 MiB either way). Both are read only at start: when one is missing, the process re-executes
    /// itself once with it set (the arguments are passed unchanged). Set either yourself to choose another
    /// value; it is then left alone.
    public static func ensureOpenMPThreadLimit() {
        let environment = ProcessInfo.processInfo.environment
        let defaults = [("OMP_THREAD_LIMIT", "1"), ("MALLOC_ARENA_MAX", "2")].filter { environment[$0.0] == nil }
        guard !defaults.isEmpty else { return }
        for (name, value) in defaults { setenv(name, value, 1) }
        let arguments = CommandLine.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        // Only returns on failure, in which case we carry on in this process (slower OCR, same results).
        execv("/proc/self/exe", &argv)
        for pointer in argv { free(pointer) }
    }
}
