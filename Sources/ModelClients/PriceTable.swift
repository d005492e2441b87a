import Foundation
import JSONCore

/// US dollar prices per million tokens, used to estimate the cost of each call.
///
/// Lookup tries the exact model name, then the longest table key that prefixes it (so `gpt-4o-mini` covers
/// `gpt-4o-mini-2024-07-18`). Unknown models cost 0 and are logged as such. Prices change: override them
/// with a JSON file (see ``load(contentsOf:over:)``).
public struct PriceTable: Sendable, Hashable {
    /// Prices by model name or name prefix.
    public var prices: [String: ModelPrice]

    /// Creates a table.
    public init(_ prices: [String: ModelPrice]) {
        self.prices = prices
    }

    /// Built-in list prices of common models (USD per million input / output tokens); local models are free.
    public static let defaults = PriceTable([
        "gpt-4o": ModelPrice(inputPerMillion: 2.50, outputPerMillion: 10.00),
        "gpt-4o-mini": ModelPrice(inputPerMillion: 0.15, outputPerMillion: 0.60),
        "gpt-4.1": ModelPrice(inputPerMillion: 2.00, outputPerMillion: 8.00),
        "gpt-4.1-mini": ModelPrice(inputPerMillion: 0.40, outputPerMillion: 1.60),
        "gpt-4.1-nano": ModelPrice(inputPerMillion: 0.10, outputPerMillion: 0.40),
        "o4-mini": ModelPrice(inputPerMillion: 1.10, outputPerMillion: 4.40),
        "claude-3-5-haiku": ModelPrice(inputPerMillion: 0.80, outputPerMillion: 4.00),
        "claude-3-haiku": ModelPrice(inputPerMillion: 0.25, outputPerMillion: 1.25),
        "claude-3-5-sonnet": ModelPrice(inputPerMillion: 3.00, outputPerMillion: 15.00),
        "claude-3-7-sonnet": ModelPrice(inputPerMillion: 3.00, outputPerMillion: 15.00),
        "claude-sonnet-4": ModelPrice(inputPerMillion: 3.00, outputPerMillion: 15.00),
        "claude-opus-4": ModelPrice(inputPerMillion: 15.00, outputPerMillion: 75.00),
        "gemini-1.5-flash": ModelPrice(inputPerMillion: 0.075, outputPerMillion: 0.30),
        "gemini-1.5-pro": ModelPrice(inputPerMillion: 1.25, outputPerMillion: 5.00),
        "gemini-2.0-flash": ModelPrice(inputPerMillion: 0.10, outputPerMillion: 0.40),
        "gemini-2.0-flash-lite": ModelPrice(inputPerMillion: 0.075, outputPerMillion: 0.30),
        "gemini-2.5-flash": ModelPrice(inputPerMillion: 0.30, outputPerMillion: 2.50),
        "gemini-2.5-pro": ModelPrice(inputPerMillion: 1.25, outputPerMillion: 10.00),
        "local": ModelPrice(inputPerMillion: 0, outputPerMillion: 0),
    ])

    /// The price for `model`, or `nil` when the table has none.
    public func price(for model: String) -> ModelPrice? {
        if let exact = prices[model] { return exact }
        let key = prices.keys.filter { model.hasPrefix($0) }.max { $0.count < $1.count }
        return key.flatMap { prices[$0] }
    }

    /// Estimated cost of `usage` on `model` in US dollars (0 for unknown models).
    public func cost(model: String, usage: TokenUsage) -> Double {
        guard let price = price(for: model) else { return 0 }
        return (Double(usage.input) * price.inputPerMillion + Double(usage.output) * price.outputPerMillion) / 1e6
    }

    /// Reads overrides from a JSON file and merges them over `base`.
    ///
    /// The file maps model names (or prefixes) to prices:
    /// `{"gpt-4o-mini": {"input_per_million": 0.15, "output_per_million": 0.6}}`.
    public static func load(contentsOf url: URL, over base: PriceTable = .defaults) throws -> PriceTable {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ModelClientError(
                code: .invalidConfiguration,
                message: "cannot read the price table \(url.path): \(error.localizedDescription); check the path")
        }
        return try parse(data, source: url.path, over: base)
    }

    /// Parses overrides from JSON text (see ``load(contentsOf:over:)``) and merges them over `base`.
    public static func parse(_ data: Data, source: String = "price table", over base: PriceTable = .defaults) throws
        -> PriceTable
    {
        func invalid(_ why: String) -> ModelClientError {
            ModelClientError(
                code: .invalidConfiguration,
                message: "\(source) is not a valid price table: \(why); expected "
                    + #"{"model": {"input_per_million": 0.15, "output_per_million": 0.6}}"#)
        }
        let document: JSONValue
        do {
            document = try JSONValue(parsing: data)
        } catch {
            throw invalid("\(error)")
        }
        guard let object = document.objectValue else { throw invalid("the top level is not an object") }
        var table = base
        for (model, entry) in object {
            guard let input = entry["input_per_million"]?.doubleValue,
                  let output = entry["output_per_million"]?.doubleValue,
                  input >= 0, output >= 0 else {
                throw invalid("\"\(model)\" needs non-negative numbers input_per_million and output_per_million")
            }
            table.prices[model] = ModelPrice(inputPerMillion: input, outputPerMillion: output)
        }
        return table
    }
}

/// The price of one model in US dollars per million tokens.
public struct ModelPrice: Sendable, Hashable {
    /// Dollars per million prompt tokens.
    public var inputPerMillion: Double
    /// Dollars per million generated tokens.
    public var outputPerMillion: Double

    /// Creates a price.
    public init(inputPerMillion: Double, outputPerMillion: Double) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
    }
}
