import FracttalConcurrency
import Foundation

/// Runs one API call to completion: token, rate-limit slot, the attempt, and the repeats the answer allows.
///
/// - 406/429: the request had no effect; wait for the window to reset and send it again (bounded).
/// - 401 `invalid_token`: fetch a new token once and send it again.
/// - 5xx, time-out, lost connection, an answer that is not the API's JSON (`AnswerScreeningMiddleware`):
///   the call may have taken effect. `.repeatable` calls (GET, PUT,
///   DELETE, rotation) are repeated with back-off; `.once` calls (creates) end with `AmbiguousFailure`
///   so that the caller can look for what the call may have made before trying again.
struct RequestExecutor: Sendable {
    /// Whether a call may be sent again after an answer that leaves its effect unknown.
    enum Repetition: Sendable {
        /// Repeat with back-off.
        case repeatable
        /// Never repeat: report `AmbiguousFailure`.
        case once
    }

    let api: Client
    let baseURL: String
    let consumerKey: String
    let tokens: TokenCache
    let pacer: RequestPacer
    let metrics: MetricsRecorder
    let policy: RetryPolicy
    let clock: any FracttalClock
    let events: (@Sendable (ClientEvent) -> Void)?

    /// Runs `call` until it succeeds or fails for good.
    ///
    /// - Parameters:
    ///   - operation: What the call does, for messages (`create group "X"`).
    ///   - object: The object the call is about, for a 404 (`group 12`).
    ///   - repetition: Whether an ambiguous failure may be repeated.
    ///   - goneAfterAmbiguity: What a 404 after an ambiguous attempt means (a delete that took effect), if anything.
    func perform<Value: Sendable>(
        _ operation: String,
        object: String? = nil,
        repetition: Repetition = .repeatable,
        goneAfterAmbiguity: Value? = nil,
        _ call: @escaping @Sendable (Client) async throws -> CallOutcome<Value>
    ) async throws -> Value {
        var firstFailure: ContinuousClock.Instant?
        var attempt = 1
        var rateLimitAnswers = 0
        var renewedTokens = 0
        var ambiguous = false
        while true {
            // The slot first, then the token: a wait for the rate limit must not age a short-lived token.
            try await pacer.acquire()
            let token: String
            do {
                token = try await tokens.token()
            } catch {
                await pacer.complete(observing: nil)
                throw error
            }
            let outcome: CallOutcome<Value>
            let failure: FracttalAPIError
            do {
                outcome = try await RequestContext.$attempt.withValue(attempt) {
                    try await RequestContext.$bearerToken.withValue(token) { try await call(api) }
                }
            } catch {
                switch ThrownFailure(error, operation: operation) {
                case .fatal(let error):
                    await pacer.complete(observing: nil)
                    throw error
                case .rateLimited(let retryAfter):
                    await pacer.rateLimited(observing: nil, retryAfter: retryAfter)
                    metrics.countRateLimitedResponse()
                    rateLimitAnswers += 1
                    if rateLimitAnswers > policy.maxRateLimitWaits {
                        throw FracttalAPIError.rateLimitExhausted(operation: operation, answers: rateLimitAnswers)
                    }
                    continue
                case .noAnswer(let reason):
                    await pacer.complete(observing: nil)
                    failure = .unreachable(operation: operation, url: baseURL, reason: reason, attempts: attempt)
                case .unreadable(let status, let reason):
                    await pacer.complete(observing: nil)
                    failure = status.map { (500...599).contains($0) } == true
                        ? .serverError(operation: operation, status: status ?? 500, message: reason, attempts: attempt)
                        : .unreadableAnswer(operation: operation, reason: reason, attempts: attempt)
                }
                ambiguous = true
                try await repeatOrThrow(failure, operation: operation, repetition: repetition, attempt: &attempt, since: &firstFailure)
                continue
            }
            switch outcome {
            case .success(let value, let info):
                await pacer.complete(observing: info)
                return value
            case .refused(let refusal) where refusal.isRateLimited:
                await pacer.rateLimited(observing: refusal.rateLimit, retryAfter: refusal.retryAfter)
                metrics.countRateLimitedResponse()
                rateLimitAnswers += 1
                if rateLimitAnswers > policy.maxRateLimitWaits {
                    throw FracttalAPIError.rateLimitExhausted(operation: operation, answers: rateLimitAnswers)
                }
            case .refused(let refusal) where refusal.status == 401:
                await pacer.complete(observing: refusal.rateLimit)
                // Renewing once is the rule; a few more tries ride out tokens that expire in transit
                // (very short lifetimes on a busy machine) before calling the setup wrong.
                guard refusal.invalidToken, renewedTokens < 3 else {
                    throw FracttalAPIError.tokenRejected(operation: operation)
                }
                renewedTokens += 1
                metrics.countRejectedToken()
                await tokens.invalidate(token)
            case .refused(let refusal) where refusal.isTransient:
                await pacer.complete(observing: refusal.rateLimit)
                ambiguous = true
                failure = .serverError(operation: operation, status: refusal.status, message: refusal.message, attempts: attempt)
                try await repeatOrThrow(failure, operation: operation, repetition: repetition, attempt: &attempt, since: &firstFailure)
            case .refused(let refusal):
                await pacer.complete(observing: refusal.rateLimit)
                if refusal.status == 404, ambiguous, let goneAfterAmbiguity { return goneAfterAmbiguity }
                throw error(for: refusal, operation: operation, object: object)
            }
        }
    }

    /// Sleeps before the next attempt, or throws `failure` (or `AmbiguousFailure`) when no attempt is left.
    ///
    /// The time budget counts from the call's first failure, so rate-limit waits before it do not use it up.
    private func repeatOrThrow(
        _ failure: FracttalAPIError, operation: String, repetition: Repetition, attempt: inout Int,
        since firstFailure: inout ContinuousClock.Instant?
    ) async throws {
        if repetition == .once { throw AmbiguousFailure(error: failure) }
        let delay = policy.backoff(afterAttempt: attempt)
        let now = clock.now
        let started = firstFailure ?? now
        firstFailure = started
        guard attempt < policy.maxAttempts, now + delay - started <= policy.maxTotalTime else { throw failure }
        events?(.retry(operation: operation, attempt: attempt, of: policy.maxAttempts, delay: delay, reason: failure.shortReason))
        metrics.countRetry()
        try await clock.sleep(until: now + delay, tolerance: nil)
        attempt += 1
    }

    /// The error a refusal that cannot be repeated becomes.
    private func error(for refusal: Refusal, operation: String, object: String?) -> FracttalAPIError {
        let message = refusal.message ?? "HTTP \(refusal.status)"
        switch refusal.status {
        case 400:
            return .invalidRequest(operation: operation, message: message, fields: refusal.fields)
        case 403:
            return .forbidden(operation: operation, message: message, consumerKey: consumerKey, group: nil)
        case 404 where object == nil:
            return .apiNotOffered(operation: operation, url: baseURL)
        case 404:
            return .notFound(operation: operation, object: object ?? "the object")
        case 409:
            return .conflict(operation: operation, message: message)
        default:
            return .unexpectedResponse(operation: operation, detail: "HTTP \(refusal.status)\(refusal.message.map { ": \($0)" } ?? "")")
        }
    }
}

/// A create call failed in a way that leaves it unknown whether it took effect.
struct AmbiguousFailure: Error {
    /// What the failure would say to a person if nothing more could be learnt.
    let error: FracttalAPIError
}

extension FracttalAPIError {
    /// A few words for a retry event (`HTTP 503`, `connection refused`).
    var shortReason: String {
        switch self {
        case .serverError(_, let status, _, _): "HTTP \(status)"
        case .unreachable(_, _, let reason, _): reason
        case .unreadableAnswer(_, let reason, _): reason
        default: "an error"
        }
    }
}
