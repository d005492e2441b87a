/// Decides when a file in the inbox is complete.
///
/// - inotify saw it closed after writing (`IN_CLOSE_WRITE`) or renamed into place (`IN_MOVED_TO`), not empty:
///   complete at once;
/// - a file nobody was seen writing (it was there before the watcher started, or inotify is off): complete once
///   its size and modification time are the same in two scans and it is at least one scan interval old;
/// - a file seen written: the same two-scan rule once it was seen closed with that size and time (an empty file
///   closed and left empty); without a close, only after `unclosedQuiet` without change (a writer that holds
///   the file open between slow chunks is not mistaken for done).
struct CompletionTracker: Sendable {
    private var previous: [String: InboxLayout.Stamp] = [:]
    private var written: Set<String> = []
    private var closedStamp: [String: InboxLayout.Stamp] = [:]

    /// Takes the documents of one scan and what inotify reported since the last one, and returns the complete
    /// documents, sorted.
    ///
    /// - Parameters:
    ///   - closed: documents whose last event was a close after writing or a rename into place.
    ///   - written: documents created or modified since the last scan.
    ///   - now: the wall-clock time of the scan in nanoseconds since 1970.
    ///   - quiet: how long (ns) a file must be unmodified for the two-scan rule.
    ///   - unclosedQuiet: the same for a file seen written but never seen closed.
    mutating func complete(
        _ current: [String: InboxLayout.Stamp], closed: Set<String> = [], written newlyWritten: Set<String> = [],
        now: Int64, quiet: Int64, unclosedQuiet: Int64
    ) -> [String] {
        for name in newlyWritten where !closed.contains(name) {
            written.insert(name)
            closedStamp[name] = nil
        }
        for name in closed {
            written.insert(name)
            closedStamp[name] = current[name]
        }
        defer {
            previous = current
            written = written.filter { current[$0] != nil }
            closedStamp = closedStamp.filter { current[$0.key] != nil }
        }
        return current.compactMap { relative, stamp -> String? in
            if closed.contains(relative), stamp.size > 0 { return relative }
            guard let before = previous[relative], before == stamp else { return nil }
            let age = now - stamp.modifiedNanoseconds
            if !written.contains(relative) || closedStamp[relative] == stamp {
                return age >= quiet ? relative : nil
            }
            return age >= unclosedQuiet ? relative : nil
        }.sorted()
    }
}
