/// A model call that failed: what went wrong, where, and how to fix it.
///
/// Match on ``code`` (swift-nio style static members). ``description`` is a complete sentence for users;
/// it never contains an API key.
public struct ModelClientError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// Stable text of the code, used in run logs.
        public let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// 401 or 403: the key was rejected.
        public static let unauthorized = Code("unauthorized")
        /// 400, 404, 422 and other 4xx answers that retrying cannot fix.
        public static let badRequest = Code("bad_request")
        /// 429 until the retries ran out (or the server asked to wait too long).
        public static let rateLimited = Code("rate_limited")
        /// 5xx or 408 until the retries ran out.
        public static let serverError = Code("server_error")
        /// No response: connection refused, broken or timed out, until the retries ran out.
        public static let transport = Code("transport")
        /// A 2xx answer that was not the provider's JSON shape.
        public static let invalidResponse = Code("invalid_response")
        /// The run budget (calls, tokens or cost) is spent; ``ModelClientError/spend`` says how much.
        public static let budgetExhausted = Code("budget_exhausted")
        /// The API key's environment variable is unset or empty.
        public static let missingAPIKey = Code("missing_api_key")
        /// The request uses something this backend cannot take (for example images on a text-only model).
        public static let unsupportedInput = Code("unsupported_input")
        /// The local `llama-server` binary or GGUF model is not installed.
        public static let localServerMissing = Code("local_server_missing")
        /// The local server did not start or died.
        public static let localServerFailed = Code("local_server_failed")
        /// A configuration file (for example a price table) is unreadable or malformed.
        public static let invalidConfiguration = Code("invalid_configuration")

        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// What happened and how to fix it.
    public var message: String
    /// The provider, model and host, when the failure belongs to a call.
    public var descriptor: ModelDescriptor?
    /// The last HTTP status seen, if any.
    public var status: Int?
    /// HTTP attempts made for this call.
    public var attempts: Int
    /// The run's spend when the budget stopped the call.
    public var spend: BudgetSpend?
    /// The transport failure behind a ``Code/transport`` error.
    public var transportError: TransportError?

    /// Creates an error.
    public init(
        code: Code, message: String, descriptor: ModelDescriptor? = nil, status: Int? = nil, attempts: Int = 0,
        spend: BudgetSpend? = nil, transportError: TransportError? = nil
    ) {
        self.code = code
        self.message = message
        self.descriptor = descriptor
        self.status = status
        self.attempts = attempts
        self.spend = spend
        self.transportError = transportError
    }

    public var description: String { message }
}
