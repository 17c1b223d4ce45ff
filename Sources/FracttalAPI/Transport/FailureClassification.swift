import Foundation
import AsyncHTTPClient
import HTTPTypes
import OpenAPIRuntime

/// How an attempt that threw instead of answering is treated.
enum ThrownFailure: Error {
    /// No answer arrived (connection refused, closed or timed out): the call may or may not have taken effect.
    case noAnswer(reason: String)
    /// An answer outside the contract on a status that may pass (a proxy's error page, a body that cannot
    /// be read): the call may or may not have taken effect.
    case unreadable(status: Int?, reason: String)
    /// A 406 or 429 that is not the API's JSON: the call had no effect; wait and send it again.
    case rateLimited(retryAfter: Int?)
    /// Not worth repeating: rethrow this error.
    case fatal(any Error)

    /// Sorts an error thrown by a generated operation (or by mapping its output).
    init(_ error: any Error, operation: String) {
        if let error = error as? FracttalAPIError {
            self = .fatal(error)
            return
        }
        if error is CancellationError {
            self = .fatal(error)
            return
        }
        if let violation = error as? ContractViolation {
            self = .fatal(FracttalAPIError.unexpectedResponse(operation: operation, detail: violation.description))
            return
        }
        guard let clientError = error as? ClientError else {
            self = .fatal(FracttalAPIError.unexpectedResponse(operation: operation, detail: "\(type(of: error))"))
            return
        }
        let underlying = clientError.underlyingError
        if let screened = underlying as? ScreenedAnswer {
            self = screened.isRateLimited
                ? .rateLimited(retryAfter: screened.retryAfter)
                : .unreadable(status: screened.status, reason: screened.reason)
            return
        }
        if underlying is FracttalAPIError || underlying is CancellationError {
            self = .fatal(underlying)
        } else if let response = clientError.response, [406, 429].contains(response.status.code) {
            // A rate-limit status whose body or headers break the contract (a gateway's own limiter) still
            // means the call had no effect: wait as long as `Retry-After` asks, then send it again.
            self = .rateLimited(retryAfter: response.headerFields[.retryAfter].flatMap { Int($0) })
        } else if let httpError = underlying as? HTTPClientError, httpError == .cancelled {
            self = .fatal(CancellationError())
        } else if let decoding = underlying as? DecodingError {
            // A cut or garbled body: a proxy may have broken it, and the call may have taken effect.
            self = .unreadable(status: clientError.response?.status.code, reason: "an answer that cannot be read (\(Self.describe(decoding)))")
        } else if clientError.response == nil || underlying is HTTPClientError {
            self = .noAnswer(reason: Self.reason(underlying))
        } else if let status = clientError.response?.status.code, (500...599).contains(status) {
            self = .unreadable(status: status, reason: "HTTP \(status) with an answer that cannot be read")
        } else {
            // The causeDescription names the broken rule (for example a missing header); it never holds a header value.
            self = .fatal(FracttalAPIError.unexpectedResponse(operation: operation, detail: clientError.causeDescription))
        }
    }

    /// A few words on why no answer came.
    static func reason(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return "the connection timed out"
            case .deadlineExceeded, .readTimeout, .writeTimeout: return "the request timed out"
            case .remoteConnectionClosed: return "the connection closed without an answer"
            default: return "\(error)"
            }
        }
        let text = "\(error)"
        if text.localizedCaseInsensitiveContains("connection refused") { return "connection refused" }
        if text.localizedCaseInsensitiveContains("connection reset") { return "connection reset" }
        return text
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the body" : String(text.drop(while: { $0 == "." }))
        }
        switch error {
        case .keyNotFound(let key, let context): return "field \(key.stringValue) is missing at \(path(context))"
        case .typeMismatch(_, let context): return "\(path(context)) has the wrong type"
        case .valueNotFound(_, let context): return "\(path(context)) is null"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "the body cannot be decoded"
        }
    }
}
