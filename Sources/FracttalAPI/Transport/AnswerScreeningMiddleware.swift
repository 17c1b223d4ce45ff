import Foundation
import FracttalModel
import HTTPTypes
import OpenAPIRuntime

/// Sorts out answers that are not the API's JSON before the generated code tries to decode them.
///
/// Real infrastructure answers outside the contract: a load balancer's `502`/`504` HTML page with no
/// envelope and no rate-limit headers, a `408`, a `429` whose `Retry-After` is an HTTP date, an empty
/// body. Such an answer on a status that may pass (2xx, 408, 406, 429, 5xx) becomes `ScreenedAnswer`,
/// which the request loop treats as transient: the call may or may not have taken effect. Other
/// statuses pass through unchanged. A `Retry-After` given as an HTTP date is rewritten to seconds.
struct AnswerScreeningMiddleware: ClientMiddleware {
    /// The largest answer body the client accepts by default; a larger one breaks the contract.
    static let defaultMaximumBodyBytes: Int64 = 32 * 1024 * 1024

    /// The largest answer body this middleware lets through.
    var maximumBodyBytes: Int64 = Self.defaultMaximumBodyBytes

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var (response, responseBody) = try await next(request, body, baseURL)
        let retryAfter = response.headerFields[.retryAfter].flatMap { RetryAfter.seconds(from: $0, now: Date()) }
        if let retryAfter { response.headerFields[.retryAfter] = String(retryAfter) }
        if let body = responseBody {
            switch body.length {
            case .known(let length) where length > maximumBodyBytes:
                throw ScreenedAnswer(status: response.status.code, kind: .tooLarge(bytes: length), retryAfter: nil)
            case .known:
                break
            case .unknown:
                responseBody = HTTPBody(
                    LimitedBody(body: body, limit: maximumBodyBytes, status: response.status.code),
                    length: .unknown, iterationBehavior: body.iterationBehavior)
            }
        }
        let status = response.status.code
        let mayPass = (200...299).contains(status) || [406, 408, 429].contains(status) || (500...599).contains(status)
        guard mayPass, !Self.isJSON(response.headerFields[.contentType]) else { return (response, responseBody) }
        throw ScreenedAnswer(
            status: status, kind: .notJSON(contentType: response.headerFields[.contentType]), retryAfter: retryAfter)
    }

    /// Whether a `Content-Type` names JSON (`application/json`, or a `+json` type), whatever its parameters.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first?
            .trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }
}

/// An answer that is not the API's JSON, on a status that may pass.
struct ScreenedAnswer: Error, Sendable {
    /// What is wrong with the answer.
    enum Kind: Sendable {
        /// The body is not JSON (an HTML error page, plain text, or no body at all).
        case notJSON(contentType: String?)
        /// The body is larger than the client accepts.
        case tooLarge(bytes: Int64)
    }

    /// The HTTP status.
    var status: Int
    /// What is wrong with it.
    var kind: Kind
    /// `Retry-After`, in seconds, when the answer gave one.
    var retryAfter: Int?

    /// 406 or 429: the request had no effect.
    var isRateLimited: Bool { status == 406 || status == 429 }

    /// A few words for messages: `HTTP 502 with a text/html page instead of the API's JSON`.
    var reason: String {
        switch kind {
        case .notJSON(let contentType):
            let what = contentType.map { "a \($0.split(separator: ";").first.map(String.init) ?? $0) page" } ?? "no JSON body"
            return "HTTP \(status) with \(what) instead of the API's JSON"
        case .tooLarge(let bytes):
            return "HTTP \(status) with a body of \(bytes) bytes, over what the client accepts (\(AnswerScreeningMiddleware.defaultMaximumBodyBytes / 1024 / 1024) MiB)"
        }
    }
}

/// Reads `Retry-After` (RFC 9110 section 10.2.3): a number of seconds, or an HTTP date.
enum RetryAfter {
    /// The seconds to wait from `now`, never negative; nil when the value is neither form.
    static func seconds(from value: String, now: Date) -> Int? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(text) { return max(seconds, 0) }
        guard let date = httpDate(text) else { return nil }
        return max(Int(date.timeIntervalSince(now).rounded(.up)), 0)
    }

    /// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form every sender must use.
    static func httpDate(_ text: String) -> Date? {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[0].hasSuffix(","), parts[5] == "GMT",
              let day = Int(parts[1]), let monthIndex = months.firstIndex(of: String(parts[2])), let year = Int(parts[3])
        else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (1...31).contains(day), (0...23).contains(clock[0]), (0...59).contains(clock[1]),
              (0...60).contains(clock[2])
        else { return nil }
        let days = RFC3339.daysSinceEpoch(year: year, month: monthIndex + 1, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + clock[0] * 3_600 + clock[1] * 60 + clock[2]))
    }
}
