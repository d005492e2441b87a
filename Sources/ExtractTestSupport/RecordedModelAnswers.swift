import Foundation

/// Model-provider answers in the exact shape the real services send, for ``LoopbackHTTPServer`` scripts.
///
/// The bodies reproduce the field layout of OpenAI Chat Completions, llama.cpp's `llama-server`, Anthropic
/// Messages and Gemini `generateContent` answers, including fields clients must ignore (ids, fingerprints,
/// `timings`, token details), with fixed identifiers; content, token counts and status vary by parameter.
/// They are reconstructions of the documented shapes, not byte-for-byte network captures. `jsonInput`
/// parameters take raw JSON text.
public enum RecordedModelAnswers {
    // MARK: OpenAI-compatible

    /// A 200 Chat Completions answer from api.openai.com.
    public static func openAIChatCompletion(
        content: String, model: String = "gpt-4o-mini-2024-07-18", promptTokens: Int = 87,
        completionTokens: Int = 19, finishReason: String = "stop"
    ) -> ScriptedResponse {
        .json("""
            {
              "id": "chatcmpl-BvUuLZ1cQqk3R7XfJw2tT0aYs9Hq1",
              "object": "chat.completion",
              "created": 1753178221,
              "model": \(quoted(model)),
              "choices": [
                {
                  "index": 0,
                  "message": {
                    "role": "assistant",
                    "content": \(quoted(content)),
                    "refusal": null,
                    "annotations": []
                  },
                  "logprobs": null,
                  "finish_reason": \(quoted(finishReason))
                }
              ],
              "usage": {
                "prompt_tokens": \(promptTokens),
                "completion_tokens": \(completionTokens),
                "total_tokens": \(promptTokens + completionTokens),
                "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                "completion_tokens_details": {
                  "reasoning_tokens": 0, "audio_tokens": 0,
                  "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0
                }
              },
              "service_tier": "default",
              "system_fingerprint": "fp_34a54ae93c"
            }
            """,
            headers: [
                ("x-request-id", "req_5b0c1e8f2d3a4b6c9e7f"), ("openai-processing-ms", "412"),
                ("x-ratelimit-remaining-requests", "9999"), ("x-ratelimit-remaining-tokens", "199912"),
            ])
    }

    /// A 200 Chat Completions answer from llama.cpp's `llama-server` (with its `timings` block).
    public static func llamaServerChatCompletion(
        content: String, model: String = "SmolLM2-135M-Instruct.Q4_1", promptTokens: Int = 52,
        completionTokens: Int = 14, finishReason: String = "stop"
    ) -> ScriptedResponse {
        .json("""
            {"choices":[{"finish_reason":\(quoted(finishReason)),"index":0,"message":{"role":"assistant",\
            "content":\(quoted(content))}}],"created":1764590000,"model":\(quoted(model)),\
            "system_fingerprint":"b11434-5f1d2e3c","object":"chat.completion","usage":{"completion_tokens":\
            \(completionTokens),"prompt_tokens":\(promptTokens),"total_tokens":\(promptTokens + completionTokens)},\
            "id":"chatcmpl-Zq8pLr1Xw0Tn4YbH2mK7sV3cJ9dF6gA","timings":{"prompt_n":\(promptTokens),\
            "prompt_ms":281.4,"prompt_per_token_ms":5.41,"prompt_per_second":184.8,"predicted_n":\(completionTokens),\
            "predicted_ms":903.2,"predicted_per_token_ms":64.5,"predicted_per_second":15.5}}
            """)
    }

    /// An OpenAI error body, for example 401 `invalid_api_key` (the real one echoes a masked key).
    public static func openAIError(
        status: Int, message: String, type: String = "invalid_request_error", code: String? = nil,
        headers: [(name: String, value: String)] = []
    ) -> ScriptedResponse {
        .json("""
            {
              "error": {
                "message": \(quoted(message)),
                "type": \(quoted(type)),
                "param": null,
                "code": \(code.map(quoted) ?? "null")
              }
            }
            """, status: status, headers: headers)
    }

    /// OpenAI's 401 for a wrong key.
    public static func openAIInvalidKey() -> ScriptedResponse {
        openAIError(
            status: 401,
            message: "Incorrect API key provided: sk-proj-****************************1234. You can find your "
                + "API key at https://platform.openai.com/account/api-keys.",
            code: "invalid_api_key")
    }

    /// OpenAI's 429 with `Retry-After` (seconds) and its rate-limit headers.
    public static func openAIRateLimited(retryAfterSeconds: Int) -> ScriptedResponse {
        openAIError(
            status: 429,
            message: "Rate limit reached for gpt-4o-mini in organization org-Qx7 on requests per min (RPM): "
                + "Limit 3, Used 3, Requested 1. Please try again in \(retryAfterSeconds)s.",
            type: "requests", code: "rate_limit_exceeded",
            headers: [
                ("retry-after", String(retryAfterSeconds)), ("x-ratelimit-limit-requests", "3"),
                ("x-ratelimit-remaining-requests", "0"), ("x-ratelimit-reset-requests", "\(retryAfterSeconds)s"),
            ])
    }

    /// OpenAI's 500.
    public static func openAIServerError() -> ScriptedResponse {
        openAIError(
            status: 500,
            message: "The server had an error while processing your request. Sorry about that!",
            type: "server_error")
    }

    /// llama-server's 503 while the model is still loading.
    public static func llamaServerLoading() -> ScriptedResponse {
        .json(#"{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}"#, status: 503)
    }

    // MARK: Anthropic

    /// A 200 Messages answer whose content is one forced `tool_use` block with `jsonInput` as its input.
    public static func anthropicToolUse(
        toolName: String, jsonInput: String, model: String = "claude-3-5-haiku-20241022", inputTokens: Int = 412,
        outputTokens: Int = 58, stopReason: String = "tool_use"
    ) -> ScriptedResponse {
        .json("""
            {
              "id": "msg_01XFDUDYJgAACzvnptvVoYEL",
              "type": "message",
              "role": "assistant",
              "model": \(quoted(model)),
              "content": [
                {
                  "type": "tool_use",
                  "id": "toolu_01A09q90qw90lq917835lq9",
                  "name": \(quoted(toolName)),
                  "input": \(jsonInput)
                }
              ],
              "stop_reason": \(quoted(stopReason)),
              "stop_sequence": null,
              "usage": {
                "input_tokens": \(inputTokens),
                "cache_creation_input_tokens": 0,
                "cache_read_input_tokens": 0,
                "output_tokens": \(outputTokens),
                "service_tier": "standard"
              }
            }
            """,
            headers: [("request-id", "req_011CRhY8mUbQ5Zx7"), ("anthropic-organization-id", "5a3c1f0e")])
    }

    /// A 200 Messages answer with one text block.
    public static func anthropicText(
        _ text: String, model: String = "claude-3-5-haiku-20241022", inputTokens: Int = 25, outputTokens: Int = 9
    ) -> ScriptedResponse {
        .json("""
            {"id":"msg_013Zva2CMHLNnXjNJJKqJ2EF","type":"message","role":"assistant","model":\(quoted(model)),\
            "content":[{"type":"text","text":\(quoted(text))}],"stop_reason":"end_turn","stop_sequence":null,\
            "usage":{"input_tokens":\(inputTokens),"cache_creation_input_tokens":0,"cache_read_input_tokens":0,\
            "output_tokens":\(outputTokens)}}
            """)
    }

    /// Anthropic's error body, for example 529 `overloaded_error` or 401 `authentication_error`.
    public static func anthropicError(status: Int, type: String, message: String) -> ScriptedResponse {
        .json(#"{"type":"error","error":{"type":\#(quoted(type)),"message":\#(quoted(message))}}"#, status: status)
    }

    // MARK: Gemini

    /// A 200 `generateContent` answer with one text part.
    public static func geminiGenerateContent(
        text: String, model: String = "gemini-2.0-flash", promptTokens: Int = 96, candidateTokens: Int = 21,
        finishReason: String = "STOP"
    ) -> ScriptedResponse {
        .json("""
            {
              "candidates": [
                {
                  "content": {
                    "parts": [
                      {
                        "text": \(quoted(text))
                      }
                    ],
                    "role": "model"
                  },
                  "finishReason": \(quoted(finishReason)),
                  "avgLogprobs": -0.0123456789
                }
              ],
              "usageMetadata": {
                "promptTokenCount": \(promptTokens),
                "candidatesTokenCount": \(candidateTokens),
                "totalTokenCount": \(promptTokens + candidateTokens),
                "promptTokensDetails": [{"modality": "TEXT", "tokenCount": \(promptTokens)}],
                "candidatesTokensDetails": [{"modality": "TEXT", "tokenCount": \(candidateTokens)}]
              },
              "modelVersion": \(quoted(model)),
              "responseId": "kXJ_aPnYMsyxz7IPq9uS-AQ"
            }
            """)
    }

    /// Gemini's 400 for a wrong key.
    public static func geminiInvalidKey() -> ScriptedResponse {
        .json("""
            {
              "error": {
                "code": 400,
                "message": "API key not valid. Please pass a valid API key.",
                "status": "INVALID_ARGUMENT",
                "details": [
                  {
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason": "API_KEY_INVALID",
                    "domain": "googleapis.com",
                    "metadata": {"service": "generativelanguage.googleapis.com"}
                  }
                ]
              }
            }
            """, status: 400)
    }

    // MARK: Helpers

    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20:
                result += String(format: "\\u%04x", control.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
