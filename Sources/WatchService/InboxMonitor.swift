#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// Watches the inbox on its own thread and offers every complete document to the ``WorkQueue``.
///
/// On Linux it listens to inotify (`IN_CLOSE_WRITE`, `IN_MOVED_TO` …) on the inbox and its subfolders and
/// scans at once when something happens; it also scans every poll interval, which is all it does where
/// inotify is unavailable or turned off. Between events it sleeps in `poll(2)`, so an idle watcher costs
/// no CPU.
final class InboxMonitor: Sendable {
    private let layout: InboxLayout
    private let queue: WorkQueue
    private let interval: Duration
    private let unclosedQuiet: Duration
    private let wake: (read: Int32, write: Int32)
    private let notify: Int32
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let watches = Mutex([Int32: String]())
    private let log: @Sendable (String) -> Void

    /// Whether inotify is in use (false: polling only).
    var usesInotify: Bool { notify >= 0 }

    init(
        layout: InboxLayout, queue: WorkQueue, interval: Duration, unclosedQuiet: Duration, useInotify: Bool,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) throws {
        self.layout = layout
        self.log = log
        self.queue = queue
        self.interval = interval
        self.unclosedQuiet = unclosedQuiet
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            throw WatchError("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        wake = (pipeEnds[0], pipeEnds[1])
        #if canImport(Glibc)
        notify = useInotify ? inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) : -1
        #else
        notify = -1
        #endif
    }

    /// Starts the monitoring thread.
    func start() {
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "watch-inbox"
        thread.start()
    }

    /// Asks the thread to stop and waits until it has.
    func stop() {
        guard !stopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        finished.wait()
        close(wake.read)
        close(wake.write)
        if notify >= 0 { close(notify) }
    }

    private func run() {
        var tracker = CompletionTracker()
        let intervalNanoseconds = interval.components.seconds * 1_000_000_000
            + interval.components.attoseconds / 1_000_000_000
        let unclosed = unclosedQuiet.components.seconds * 1_000_000_000
            + unclosedQuiet.components.attoseconds / 1_000_000_000
        var events = Events()
        var reported = Set<String>()
        while !stopping.load(ordering: .sequentiallyConsistent) {
            addWatches()
            let scan = layout.scan()
            let now = Int64(Date().timeIntervalSince1970 * 1e9)
            for relative in tracker.complete(
                scan.documents, closed: events.closed, written: events.written, now: now, quiet: intervalNanoseconds,
                unclosedQuiet: unclosed
            ) {
                queue.offer(relative)
            }
            // A link is complete as it is made; it is claimed (the link itself) and set aside in failed/.
            for relative in scan.links.sorted() { queue.offer(relative) }
            for relative in scan.skipped.subtracting(reported).sorted() {
                log("watch: \(relative): skipped — a symbolic link that is not a document name (a linked folder is "
                    + "never followed; put the files themselves into the inbox)")
            }
            reported = scan.skipped

            events = waitForEvents(timeoutMilliseconds: Int32(max(10, intervalNanoseconds / 1_000_000)))
        }
    }

    /// What inotify reported between two scans.
    struct Events {
        /// Names whose last event was a close after writing or a rename into place.
        var closed = Set<String>()
        /// Names created or written to.
        var written = Set<String>()
    }

    /// Sleeps until inotify reports something, the interval passes or ``stop()`` is called; returns what
    /// inotify reported.
    private func waitForEvents(timeoutMilliseconds: Int32) -> Events {
        var descriptors = [pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        if notify >= 0 { descriptors.append(pollfd(fd: notify, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds)
        guard ready > 0, notify >= 0, descriptors[1].revents & Int16(POLLIN) != 0 else { return Events() }
        // Let a burst of events settle briefly, then take them all.
        usleep(20_000)
        return readEvents()
    }

    #if canImport(Glibc)
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_DELETE_SELF)
        | UInt32(IN_DONT_FOLLOW) | UInt32(IN_ONLYDIR)

    /// Watches the inbox and each of its (non-reserved, non-hidden) subfolders.
    private func addWatches() {
        guard notify >= 0 else { return }
        var folders = [""]
        var index = 0
        while index < folders.count {
            let relative = folders[index]
            index += 1
            let url = relative.isEmpty ? layout.inbox : layout.inbox.appendingPathComponent(relative)
            let known = watches.withLock { $0.values.contains(relative) }
            if !known {
                let descriptor = inotify_add_watch(notify, url.path, Self.mask)
                if descriptor >= 0 { watches.withLock { $0[descriptor] = relative } }
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names where !name.hasPrefix(".") {
                if relative.isEmpty, InboxLayout.reservedFolders.contains(name) { continue }
                let child = url.appendingPathComponent(name)
                var info = stat()
                // lstat: a link to a folder (perhaps outside the inbox) is never watched or descended into.
                if lstat(child.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
                   child.standardizedFileURL.path != layout.outbox.standardizedFileURL.path {
                    folders.append(relative.isEmpty ? name : relative + "/" + name)
                }
            }
        }
    }

    /// Reads every pending inotify event; a file closed after writing or moved in counts as complete unless it
    /// was modified again after that in the same batch.
    private func readEvents() -> Events {
        var events = Events()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let headerSize = MemoryLayout<inotify_event>.size
        while true {
            let count = buffer.withUnsafeMutableBytes { read(notify, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + headerSize <= count {
                let (descriptor, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += headerSize + length
                if mask & UInt32(IN_IGNORED) != 0 {
                    _ = watches.withLock { $0.removeValue(forKey: descriptor) }
                    continue
                }
                guard !name.isEmpty, let folder = watches.withLock({ $0[descriptor] }) else { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0 {
                    events.closed.insert(relative)
                } else if mask & UInt32(IN_MODIFY | IN_CREATE) != 0 {
                    events.closed.remove(relative)
                    events.written.insert(relative)
                }
            }
        }
        return events
    }
    #else
    private func addWatches() {}
    private func readEvents() -> Events { Events() }
    #endif
}
