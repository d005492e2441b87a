import ExtractTestSupport
import Foundation
import ModelClients
import Testing

@Suite("Run budget")
struct BudgetTests {
    @Test func callLimitStopsBeforeSendingAndReportsTheSpend() async throws {
        let server = try LoopbackHTTPServer { _ in
            RecordedModelAnswers.openAIChatCompletion(content: "ok", promptTokens: 10, completionTokens: 5)
        }
        defer { server.stop() }
        let budget = RunBudget(maxCalls: 2)
        let log = InMemoryCallLog()
        let client = openAIClient(server, configuration: testConfiguration(budget: budget, callLog: log))
        _ = try await client.complete(simpleRequest())
        _ = try await client.complete(simpleRequest())

        let error = await modelError { _ = try await client.complete(simpleRequest()) }

        #expect(error?.code == .budgetExhausted)
        #expect(error?.spend == BudgetSpend(calls: 2, inputTokens: 20, outputTokens: 10, costUSD: budget.spend.costUSD))
        #expect(error?.message.contains("the limit of 2 model calls") == true)
        #expect(error?.message.contains("Raise the budget") == true)
        #expect(server.requests.count == 2)
        #expect(log.records.last?.outcome == .budgetExhausted)
        #expect(budget.spend.calls == 2)
    }

    @Test func tokenLimitStopsTheNextCall() async throws {
        let server = try LoopbackHTTPServer { _ in
            RecordedModelAnswers.openAIChatCompletion(content: "ok", promptTokens: 90, completionTokens: 20)
        }
        defer { server.stop() }
        let budget = RunBudget(maxTokens: 100)
        let client = openAIClient(server, configuration: testConfiguration(budget: budget))
        _ = try await client.complete(simpleRequest())
        let error = await modelError { _ = try await client.complete(simpleRequest()) }
        #expect(error?.code == .budgetExhausted)
        #expect(error?.spend?.totalTokens == 110)
        #expect(server.requests.count == 1)
    }

    @Test func costLimitUsesTheOverriddenPriceTableAndIsSharedAcrossClients() async throws {
        let server = try LoopbackHTTPServer { request in
            request.path.hasSuffix("/messages")
                ? RecordedModelAnswers.anthropicText("hi", model: "house-model", inputTokens: 1000, outputTokens: 0)
                : RecordedModelAnswers.openAIChatCompletion(
                    content: "ok", model: "house-model", promptTokens: 1000, completionTokens: 1000)
        }
        defer { server.stop() }
        let prices = try PriceTable.parse(
            Data(#"{"house-model": {"input_per_million": 10, "output_per_million": 30}}"#.utf8))
        let budget = RunBudget(maxCostUSD: 0.045)
        let configuration = testConfiguration(budget: budget, prices: prices)
        let openAI = openAIClient(server, model: "house-model", configuration: configuration)
        let anthropic = AnthropicClient(
            apiKey: testKey, model: "house-model", baseURL: server.baseURL, configuration: configuration)

        let first = try await openAI.complete(simpleRequest())
        #expect(abs(first.costUSD - 0.04) < 1e-9)
        let second = try await anthropic.complete(simpleRequest())
        #expect(abs(second.costUSD - 0.01) < 1e-9)
        let error = await modelError { _ = try await openAI.complete(simpleRequest()) }

        #expect(error?.code == .budgetExhausted)
        #expect(abs((error?.spend?.costUSD ?? 0) - 0.05) < 1e-9)
        #expect(error?.message.contains("the limit of $0.045") == true)
        #expect(server.requests.count == 2)
    }

    @Test func retriesCountAgainstTheCallLimit() async throws {
        let server = try LoopbackHTTPServer { _ in RecordedModelAnswers.openAIServerError() }
        defer { server.stop() }
        let budget = RunBudget(maxCalls: 2)
        let error = await modelError {
            _ = try await openAIClient(
                server, configuration: testConfiguration(retry: SleepRecorder().policy(attempts: 5), budget: budget)
            ).complete(simpleRequest())
        }
        #expect(error?.code == .budgetExhausted)
        #expect(error?.attempts == 2)
        #expect(server.requests.count == 2)
    }

    @Test func priceTableLooksUpByLongestPrefixAndRejectsBadFiles() throws {
        let table = PriceTable.defaults
        #expect(table.price(for: "gpt-4o-mini-2024-07-18") == table.prices["gpt-4o-mini"])
        #expect(table.price(for: "gpt-4o-2024-08-06") == table.prices["gpt-4o"])
        #expect(table.cost(model: "unknown-model", usage: TokenUsage(input: 1000, output: 1000)) == 0)
        let error = #expect(throws: ModelClientError.self) {
            _ = try PriceTable.parse(Data(#"{"m": {"input_per_million": "cheap"}}"#.utf8), source: "prices.json")
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.hasPrefix("prices.json is not a valid price table") == true)
    }
}
