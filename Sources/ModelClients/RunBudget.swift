/// Limits on what one run may spend on model calls, shared by every client of the run.
///
/// Each HTTP attempt first asks the budget for permission; once a limit is reached, further calls fail
/// with ``ModelClientError/Code/budgetExhausted`` carrying the spend so far, and nothing is sent.
/// The call limit is exact (attempts are reserved before sending). Tokens and cost are known only when an
/// answer arrives, so the attempt that crosses a token or cost limit completes, and calls already in flight
/// at that moment may add to the overshoot; the next attempt is refused.
public final class RunBudget: Sendable {
    /// The limits; `nil` means unlimited.
    public let limits: BudgetLimits
    private let state = Locked(BudgetSpend())

    /// Creates a budget with the given limits.
    public init(_ limits: BudgetLimits) {
        self.limits = limits
    }

    /// Creates a budget from individual limits.
    public convenience init(maxCalls: Int? = nil, maxTokens: Int? = nil, maxCostUSD: Double? = nil) {
        self.init(BudgetLimits(maxCalls: maxCalls, maxTokens: maxTokens, maxCostUSD: maxCostUSD))
    }

    /// What has been spent so far.
    public var spend: BudgetSpend {
        state.withLock { $0 }
    }

    /// Reserves one call, or returns the exceeded limit's description and the spend.
    func reserveCall() -> (exceeded: String, spend: BudgetSpend)? {
        state.withLock { spend in
            if let maxCalls = limits.maxCalls, spend.calls >= maxCalls {
                return ("the limit of \(maxCalls) model calls", spend)
            }
            if let maxTokens = limits.maxTokens, spend.totalTokens >= maxTokens {
                return ("the limit of \(maxTokens) tokens", spend)
            }
            if let maxCost = limits.maxCostUSD, spend.costUSD >= maxCost {
                return ("the limit of $\(maxCost)", spend)
            }
            spend.calls += 1
            return nil
        }
    }

    /// Adds a finished attempt's tokens and cost.
    func record(usage: TokenUsage, costUSD: Double) {
        state.withLock { spend in
            spend.inputTokens += usage.input
            spend.outputTokens += usage.output
            spend.costUSD += costUSD
        }
    }
}

/// Upper bounds for a ``RunBudget``.
public struct BudgetLimits: Sendable, Hashable {
    /// Most HTTP attempts (retries count).
    public var maxCalls: Int?
    /// Most input plus output tokens.
    public var maxTokens: Int?
    /// Most estimated cost in US dollars.
    public var maxCostUSD: Double?

    /// Creates limits; `nil` means unlimited.
    public init(maxCalls: Int? = nil, maxTokens: Int? = nil, maxCostUSD: Double? = nil) {
        self.maxCalls = maxCalls
        self.maxTokens = maxTokens
        self.maxCostUSD = maxCostUSD
    }
}

/// What a run has spent.
public struct BudgetSpend: Sendable, Hashable, CustomStringConvertible {
    /// HTTP attempts made.
    public var calls = 0
    /// Prompt tokens.
    public var inputTokens = 0
    /// Generated tokens.
    public var outputTokens = 0
    /// Estimated cost in US dollars.
    public var costUSD = 0.0

    /// Creates an empty or given spend.
    public init(calls: Int = 0, inputTokens: Int = 0, outputTokens: Int = 0, costUSD: Double = 0) {
        self.calls = calls
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.costUSD = costUSD
    }

    /// Input plus output tokens.
    public var totalTokens: Int { inputTokens + outputTokens }

    public var description: String {
        let cost = (costUSD * 10_000).rounded() / 10_000
        return "\(calls) calls, \(inputTokens) input + \(outputTokens) output tokens, about $\(cost)"
    }
}
