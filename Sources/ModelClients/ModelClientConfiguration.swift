import Logging

/// What every client of a run shares: transport, retries, budget, run log, prices and timeouts.
public struct ModelClientConfiguration: Sendable {
    /// How requests are sent; ``CurlTransport`` unless a test substitutes another.
    public var transport: any HTTPTransport
    /// Retry behaviour.
    public var retry: RetryPolicy
    /// The run budget, shared across clients; `nil` for unlimited.
    public var budget: RunBudget?
    /// Where attempt records go; `nil` to keep none.
    public var callLog: (any ModelCallLog)?
    /// Prices for cost estimates.
    public var prices: PriceTable
    /// Longest wait for a connection.
    public var connectTimeout: Duration
    /// Longest wait for one whole attempt.
    public var timeout: Duration
    /// Output token limit used when a request sets none (Anthropic requires one).
    public var defaultMaxOutputTokens: Int
    /// Diagnostics (debug level per attempt). Never receives keys.
    public var logger: Logger

    /// Creates a configuration; the defaults suit remote providers.
    public init(
        transport: any HTTPTransport = CurlTransport(),
        retry: RetryPolicy = RetryPolicy(),
        budget: RunBudget? = nil,
        callLog: (any ModelCallLog)? = nil,
        prices: PriceTable = .defaults,
        connectTimeout: Duration = .seconds(10),
        timeout: Duration = .seconds(300),
        defaultMaxOutputTokens: Int = 2048,
        logger: Logger = Logger(label: "docextract.model-clients")
    ) {
        self.transport = transport
        self.retry = retry
        self.budget = budget
        self.callLog = callLog
        self.prices = prices
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.defaultMaxOutputTokens = defaultMaxOutputTokens
        self.logger = logger
    }
}
