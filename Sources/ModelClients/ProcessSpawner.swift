#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCurl
import Foundation

/// The `posix_spawn` set-up shared by ``ChildProcess`` (servers logging to a file) and ``PipedProcess``
/// (workers on pipes): the environment, the child's descriptors and its signal state.
///
/// The child gets this process's environment with `environment` added (and overriding), the standard streams
/// the caller's file actions set up, and no other descriptor of this process: every descriptor from 3 up is
/// closed in the child (`posix_spawn_file_actions_addclosefrom_np`); where that is unavailable the descriptors
/// in `fallbackCloses` are closed explicitly, and on Darwin `POSIX_SPAWN_CLOEXEC_DEFAULT` is set. It starts
/// with default signal dispositions and an empty signal mask, whatever this process ignores or blocks.
enum ProcessSpawner {
    /// `posix_spawn` failed; `code` is its error number.
    struct Failure: Error {
        var code: Int32

        /// `strerror` of the code.
        var reason: String { String(cString: strerror(code)) }
    }

    /// Spawns `executable` with `arguments` and returns the child's process identifier.
    ///
    /// - Parameters:
    ///   - streams: adds the file actions for the child's standard input, output and error.
    ///   - fallbackCloses: descriptors to close in the child when closing everything from 3 up is unsupported.
    static func spawn(
        executable: URL, arguments: [String], environment: [String: String],
        fallbackCloses: [Int32] = [], streams: (inout posix_spawn_file_actions_t) -> Void
    ) throws(Failure) -> pid_t {
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        streams(&actions)
        // Without this the child inherits every socket and pipe of this process (curl's connections, other
        // workers' pipes), so a connection or pipe closed here would stay open in the child.
        let closesInherited = docextract_spawn_close_from(&actions, 3) == 0
        if !closesInherited {
            for descriptor in fallbackCloses { posix_spawn_file_actions_addclose(&actions, descriptor) }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        #if canImport(Darwin)
        if !closesInherited { flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT) }
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        guard result == 0 else { throw Failure(code: result) }
        return pid
    }
}
