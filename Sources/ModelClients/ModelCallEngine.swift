import Foundation
import JSONCore
import Logging

/// Runs one model call: budget check, send, classify, retry with backoff, log every attempt.
struct ModelCallEngine: Sendable {
    let codec: any ProviderCodec
    let configuration: ModelClientConfiguration

    func complete(_ request: ChatRequest) async throws -> ChatResponse {
        var call = try codec.encode(request, configuration: configuration)
        call.http.connectTimeout = configuration.connectTimeout
        call.http.timeout = configuration.timeout
        let descriptor = codec.descriptor
        let retry = configuration.retry
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            if let budget = configuration.budget, let refusal = budget.reserveCall() {
                let message = "model call to \(descriptor) not sent: the run budget is exhausted "
                    + "(\(refusal.exceeded)); spent so far: \(refusal.spend). Raise the budget to continue."
                log(attempt: attempt, status: nil, latency: .zero, outcome: .budgetExhausted, error: message)
                throw ModelClientError(
                    code: .budgetExhausted, message: message, descriptor: descriptor, attempts: attempt - 1,
                    spend: refusal.spend)
            }
            let started = ContinuousClock.now
            let response: HTTPResponse
            do {
                response = try await configuration.transport.send(call.http)
            } catch let error as TransportError {
                let latency = ContinuousClock.now - started
                let detail = redact(error.description)
                if error.isRetryable, attempt < retry.maxAttempts {
                    log(attempt: attempt, status: nil, latency: latency, outcome: .retry, error: detail)
                    try await pause(retry.backoff(afterAttempt: attempt), after: attempt)
                    continue
                }
                log(attempt: attempt, status: nil, latency: latency, outcome: .error, error: detail)
                throw ModelClientError(
                    code: .transport,
                    message: "model call to \(descriptor) failed after \(attempt) attempt(s): \(detail)",
                    descriptor: descriptor, attempts: attempt, transportError: error)
            } catch {
                let latency = ContinuousClock.now - started
                let cancelled = error is CancellationError
                log(attempt: attempt, status: nil, latency: latency, outcome: cancelled ? .cancelled : .error,
                    error: cancelled ? "cancelled" : redact("\(error)"))
                throw error
            }
            let latency = ContinuousClock.now - started

            if (200...299).contains(response.status) {
                let answer: DecodedAnswer
                do {
                    answer = try codec.decode(response.body, call: call)
                } catch let error as AnswerDecodingError {
                    let message = "\(response.status) from \(descriptor.host) "
                        + "(\(descriptor.provider)/\(descriptor.model)) was not a valid \(descriptor.provider) answer: "
                        + "\(redact(error.reason)); body starts: "
                        + snippet(response.body)
                        + ". Check that the base URL points at a \(descriptor.provider)-compatible API."
                    log(attempt: attempt, status: response.status, latency: latency, outcome: .error, error: message)
                    throw ModelClientError(
                        code: .invalidResponse, message: message, descriptor: descriptor, status: response.status,
                        attempts: attempt)
                }
                let cost = configuration.prices.cost(model: descriptor.model, usage: answer.usage)
                configuration.budget?.record(usage: answer.usage, costUSD: cost)
                log(
                    attempt: attempt, status: response.status, latency: latency, usage: answer.usage, cost: cost,
                    outcome: .ok, finishReason: answer.finishReason.description)
                return ChatResponse(
                    text: answer.text, finishReason: answer.finishReason, usage: answer.usage, latency: latency,
                    model: answer.model ?? descriptor.model, attempts: attempt, costUSD: cost)
            }

            let status = response.status
            let providerMessage = providerErrorMessage(response.body)
            if RetryPolicy.isRetryable(status: status), attempt < retry.maxAttempts {
                var delay = retry.backoff(afterAttempt: attempt)
                if let header = response.headers.value(for: "Retry-After"),
                   let requested = RetryPolicy.parseRetryAfter(header) {
                    if requested > retry.maxRetryAfter {
                        let message = "\(status) from \(descriptor.host) (\(descriptor.provider)/\(descriptor.model)): "
                            + "the server asked to wait \(requested.secondsValue) s before retrying, more than the "
                            + "\(retry.maxRetryAfter.secondsValue) s limit; try again later or raise maxRetryAfter"
                        log(attempt: attempt, status: status, latency: latency, outcome: .error, error: message)
                        throw ModelClientError(
                            code: status == 429 ? .rateLimited : .serverError, message: message,
                            descriptor: descriptor, status: status, attempts: attempt)
                    }
                    delay = requested
                }
                log(attempt: attempt, status: status, latency: latency, outcome: .retry,
                    error: "HTTP \(status): \(providerMessage)")
                try await pause(delay, after: attempt)
                continue
            }
            let error = statusError(status: status, providerMessage: providerMessage, attempts: attempt)
            log(attempt: attempt, status: status, latency: latency, outcome: .error, error: error.message)
            throw error
        }
    }

    /// Waits before the next attempt; a cancellation while waiting is logged and rethrown.
    private func pause(_ delay: Duration, after attempt: Int) async throws {
        do {
            try await configuration.retry.sleep(delay)
        } catch {
            log(attempt: attempt, status: nil, latency: .zero, outcome: .cancelled,
                error: "cancelled while waiting to retry")
            throw error
        }
    }

    /// The error for a final non-2xx status, with a fix-it hint.
    private func statusError(status: Int, providerMessage: String, attempts: Int) -> ModelClientError {
        let descriptor = codec.descriptor
        let prefix = "\(status) from \(descriptor.host)"
        let said = " (\(descriptor.provider)/\(descriptor.model) said: \(providerMessage))"
        let keyHint = codec.apiKey.map { "check \($0.source)" }
            ?? "the server wants an API key; configure one for this client"
        let code: ModelClientError.Code
        let message: String
        switch status {
        case 401, 403:
            code = .unauthorized
            message = "\(prefix): \(keyHint)" + said
        case 400 where providerMessage.lowercased().contains("api key"):
            code = .unauthorized
            message = "\(prefix): \(keyHint)" + said
        case 404:
            code = .badRequest
            message = "\(prefix): not found; check the base URL and the model name '\(descriptor.model)'" + said
        case 429:
            code = .rateLimited
            message = "\(prefix): rate limited after \(attempts) attempt(s); lower the concurrency, "
                + "wait, or raise the provider quota" + said
        case 408, 500...599:
            code = .serverError
            message = "\(prefix): server error after \(attempts) attempt(s); the provider may be overloaded, "
                + "retry later" + said
        default:
            code = .badRequest
            message = "\(prefix): the request was rejected; check the model name, the options and the schema "
                + "(SchemaSanitizer removes keywords this backend rejects)" + said
        }
        return ModelClientError(
            code: code, message: message, descriptor: descriptor, status: status, attempts: attempts)
    }

    /// The provider's `error.message` (or a body snippet), shortened and with the key removed.
    private func providerErrorMessage(_ body: Data) -> String {
        if let value = try? JSONValue(parsing: body) {
            if let message = value["error"]?["message"]?.stringValue ?? value["error"]?.stringValue
                ?? value["message"]?.stringValue {
                return redact(String(message.prefix(300)))
            }
        }
        return snippet(body)
    }

    private func snippet(_ body: Data) -> String {
        if body.isEmpty { return "(empty body)" }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ")
        return "'" + redact(text) + (body.count > 200 ? "…'" : "'")
    }

    private func redact(_ text: String) -> String {
        codec.apiKey?.redact(text) ?? text
    }

    private func log(
        attempt: Int, status: Int?, latency: Duration, usage: TokenUsage = TokenUsage(input: 0, output: 0),
        cost: Double = 0, outcome: ModelCallRecord.Outcome, finishReason: String? = nil, error: String? = nil
    ) {
        let descriptor = codec.descriptor
        let milliseconds = Int(latency.wholeMilliseconds)
        configuration.logger.debug(
            "model call attempt",
            metadata: [
                "provider": "\(descriptor.provider)", "model": "\(descriptor.model)", "host": "\(descriptor.host)",
                "attempt": "\(attempt)", "status": "\(status.map(String.init) ?? "-")",
                "latency_ms": "\(milliseconds)", "outcome": "\(outcome.rawValue)",
            ])
        guard let sink = configuration.callLog else { return }
        let started = Date().addingTimeInterval(-latency.secondsValue)
        sink.append(
            ModelCallRecord(
                time: started, provider: descriptor.provider, model: descriptor.model, host: descriptor.host,
                attempt: attempt, status: status, latencyMilliseconds: milliseconds, inputTokens: usage.input,
                outputTokens: usage.output, costUSD: cost, outcome: outcome, finishReason: finishReason,
                error: error.map(redact)))
    }
}
