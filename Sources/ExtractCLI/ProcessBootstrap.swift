import Foundation

/// Process-level set-up that must happen before any library is loaded or any thread started.
public enum ProcessBootstrap {
    /// Makes sure `OMP_THREAD_LIMIT=1` is in the environment when the process starts.
    ///
    /// Tesseract's OpenMP threads make OCR 5–9× slower on small machines unless this variable is set at process
    /// start — setting it later is too late for the OpenMP runtime. When it is missing, the process re-executes
    /// itself once with it set (the arguments are passed unchanged). Set `OMP_THREAD_LIMIT` yourself to choose
    /// another value; it is then left alone.
    public static func ensureOpenMPThreadLimit() {
        guard ProcessInfo.processInfo.environment["OMP_THREAD_LIMIT"] == nil else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        let arguments = CommandLine.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        // Only returns on failure, in which case we carry on in this process (slower OCR, same results).
        execv("/proc/self/exe", &argv)
        for pointer in argv { free(pointer) }
    }
}
