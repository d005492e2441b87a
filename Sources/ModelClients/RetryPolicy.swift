import Foundation

/// When and how long to wait before sending a failed call again.
///
/// Retried: connection failures, timeouts, broken connections, 408, 429 and 5xx. Not retried: other 4xx
/// (the request or key is wrong). The wait is exponential backoff with jitter, unless the server sent
/// `Retry-After` (seconds or an HTTP date), which is honoured up to ``maxRetryAfter``.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first one included (1 disables retries).
    public var maxAttempts: Int
    /// Backoff before the second attempt; doubles each time.
    public var baseDelay: Duration
    /// Upper bound on one backoff wait.
    public var maxDelay: Duration
    /// Fraction of each backoff wait that is randomised (0 = none, 1 = full jitter).
    public var jitter: Double
    /// Longest `Retry-After` the client waits; a longer one fails the call with a clear message.
    public var maxRetryAfter: Duration
    /// How to wait; tests substitute a recorder. Must throw `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a policy; the defaults make 4 attempts waiting about 0.5 s, 1 s, 2 s.
    public init(
        maxAttempts: Int = 4,
        baseDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(30),
        jitter: Double = 0.5,
        maxRetryAfter: Duration = .seconds(120),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = min(1, max(0, jitter))
        self.maxRetryAfter = maxRetryAfter
        self.sleep = sleep
    }

    /// A policy that never retries.
    public static var none: RetryPolicy { RetryPolicy(maxAttempts: 1) }

    /// Whether an HTTP status is worth retrying.
    public static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 429 || (500...599).contains(status)
    }

    /// The backoff before attempt `attempt + 1` (attempt counts from 1), jittered.
    public func backoff(afterAttempt attempt: Int) -> Duration {
        let exponent = Double(max(0, attempt - 1))
        let raw = min(maxDelay.secondsValue, baseDelay.secondsValue * pow(2, exponent))
        let low = raw * (1 - jitter)
        let seconds = jitter > 0 ? Double.random(in: low...raw) : raw
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// Parses a `Retry-After` value: delta seconds or an HTTP date (RFC 9110), relative to `now`.
    public static func parseRetryAfter(_ value: String, now: Date = Date()) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds >= 0, seconds.isFinite {
            return .milliseconds(Int64((seconds * 1000).rounded()))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) {
                let seconds = max(0, date.timeIntervalSince(now))
                return .milliseconds(Int64((seconds * 1000).rounded()))
            }
        }
        return nil
    }
}
