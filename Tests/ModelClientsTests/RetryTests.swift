import ExtractTestSupport
import Foundation
import JSONCore
import ModelClients
import Testing

@Suite("Retries and status errors")
struct RetryTests {
    static let answer = RecordedModelAnswers.openAIChatCompletion(content: "hello")

    @Test func rateLimitHonoursRetryAfterThenSucceeds() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(RecordedModelAnswers.openAIRateLimited(retryAfterSeconds: 7), Self.answer)
        let sleeps = SleepRecorder()
        let log = InMemoryCallLog()
        let client = openAIClient(server, configuration: testConfiguration(retry: sleeps.policy(), callLog: log))

        let response = try await client.complete(simpleRequest())

        #expect(response.text == "hello")
        #expect(response.attempts == 2)
        #expect(sleeps.delays == [.seconds(7)])
        #expect(server.requests.count == 2)
        #expect(log.records.map(\.outcome) == [.retry, .ok])
        #expect(log.records.map(\.status) == [429, 200])
        #expect(log.records.map(\.attempt) == [1, 2])
        #expect(log.records.first?.error?.contains("Rate limit reached") == true)
    }

    @Test func serverErrorThenSuccessUsesExponentialBackoff() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(RecordedModelAnswers.openAIServerError(), RecordedModelAnswers.openAIServerError(), Self.answer)
        let sleeps = SleepRecorder()
        let retry = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(200), jitter: 0) { sleeps.record($0) }
        let response = try await openAIClient(server, configuration: testConfiguration(retry: retry))
            .complete(simpleRequest())
        #expect(response.attempts == 3)
        #expect(sleeps.delays == [.milliseconds(200), .milliseconds(400)])
    }

    @Test func retriesRunOutWithAClearServerError() async throws {
        let server = try LoopbackHTTPServer { _ in
            .text("<html><body><h1>502 Bad Gateway</h1></body></html>", status: 502)
        }
        defer { server.stop() }
        let sleeps = SleepRecorder()
        let error = await modelError {
            _ = try await openAIClient(server, configuration: testConfiguration(retry: sleeps.policy(attempts: 3)))
                .complete(simpleRequest())
        }
        #expect(error?.code == .serverError)
        #expect(error?.status == 502)
        #expect(error?.attempts == 3)
        #expect(error?.message.hasPrefix("502 from 127.0.0.1: server error after 3 attempt(s)") == true)
        #expect(error?.message.contains("502 Bad Gateway") == true)
    }

    @Test(arguments: [400, 401, 403, 404, 422])
    func clientErrorsAreNotRetried(status: Int) async throws {
        let server = try LoopbackHTTPServer { _ in
            RecordedModelAnswers.openAIError(status: status, message: "scripted \(status)")
        }
        defer { server.stop() }
        let sleeps = SleepRecorder()
        let error = await modelError {
            _ = try await openAIClient(server, configuration: testConfiguration(retry: sleeps.policy()))
                .complete(simpleRequest())
        }
        #expect(server.requests.count == 1)
        #expect(sleeps.delays.isEmpty)
        #expect(error?.status == status)
        #expect(error?.attempts == 1)
        #expect(error?.message.contains("scripted \(status)") == true)
        switch status {
        case 401, 403:
            #expect(error?.code == .unauthorized)
            #expect(error?.message.hasPrefix("\(status) from 127.0.0.1: check OPENAI_API_KEY") == true)
        case 404:
            #expect(error?.code == .badRequest)
            #expect(error?.message.contains("check the base URL and the model name 'gpt-4o-mini'") == true)
        default:
            #expect(error?.code == .badRequest)
            #expect(error?.message.contains("the request was rejected") == true)
        }
    }

    @Test func invalidKeyMessageNamesTheVariable() async throws {
        let server = try LoopbackHTTPServer { _ in RecordedModelAnswers.openAIInvalidKey() }
        defer { server.stop() }
        let error = await modelError {
            _ = try await openAIClient(server, configuration: testConfiguration(retry: SleepRecorder().policy()))
                .complete(simpleRequest())
        }
        #expect(error?.code == .unauthorized)
        #expect(error?.description.hasPrefix("401 from 127.0.0.1: check OPENAI_API_KEY") == true)
    }

    @Test func retryAfterBeyondTheLimitFailsWithoutWaiting() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(RecordedModelAnswers.openAIRateLimited(retryAfterSeconds: 3600))
        let sleeps = SleepRecorder()
        let error = await modelError {
            _ = try await openAIClient(
                server, configuration: testConfiguration(retry: sleeps.policy(maxRetryAfter: .seconds(60)))
            ).complete(simpleRequest())
        }
        #expect(error?.code == .rateLimited)
        #expect(error?.message.contains("asked to wait 3600") == true)
        #expect(sleeps.delays.isEmpty)
        #expect(server.requests.count == 1)
    }

    @Test func retryAfterParsesSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryPolicy.parseRetryAfter("120") == .seconds(120))
        #expect(RetryPolicy.parseRetryAfter(" 1.5 ") == .milliseconds(1500))
        let later = now.addingTimeInterval(30)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        #expect(RetryPolicy.parseRetryAfter(formatter.string(from: later), now: now) == .seconds(30))
        #expect(RetryPolicy.parseRetryAfter("soon") == nil)
        #expect(RetryPolicy.parseRetryAfter("-3") == nil)
    }

    @Test func backoffGrowsExponentiallyWithinJitterAndCap() {
        let policy = RetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(5), jitter: 0.5)
        for _ in 0..<50 {
            let first = policy.backoff(afterAttempt: 1)
            let third = policy.backoff(afterAttempt: 3)
            let tenth = policy.backoff(afterAttempt: 10)
            #expect(first >= .milliseconds(500) && first <= .seconds(1))
            #expect(third >= .seconds(2) && third <= .seconds(4))
            #expect(tenth >= .milliseconds(2500) && tenth <= .seconds(5))
        }
    }
}
