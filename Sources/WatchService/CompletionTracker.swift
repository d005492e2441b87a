/// Decides when a file in the inbox is complete: its size and modification time are the same in two scans
/// (and it was last modified at least one scan interval ago), or inotify saw it closed after writing
/// (`IN_CLOSE_WRITE`) or renamed into place (`IN_MOVED_TO`) with no write since.
struct CompletionTracker: Sendable {
    private var previous: [String: InboxLayout.Stamp] = [:]

    /// Takes the documents of one scan and the names inotify reported complete since the last one, and
    /// returns the complete ones, sorted.
    ///
    /// - Parameters:
    ///   - now: the wall-clock time of the scan in nanoseconds since 1970.
    ///   - quietNanoseconds: how long a file must be unmodified for the two-scan rule.
    mutating func complete(
        _ current: [String: InboxLayout.Stamp], reportedComplete: Set<String>, now: Int64, quietNanoseconds: Int64
    ) -> [String] {
        defer { previous = current }
        return current.compactMap { relative, stamp -> String? in
            if reportedComplete.contains(relative) { return relative }
            guard let before = previous[relative], before == stamp else { return nil }
            return now - stamp.modifiedNanoseconds >= quietNanoseconds ? relative : nil
        }.sorted()
    }
}
