import FracttalConcurrency
import FracttalModel
import Foundation
import OpenAPIRuntime

/// Requests access tokens with the client credentials grant (RFC 6749 section 4.4).
///
/// A token request creates nothing on the server, so server errors and lost connections are repeated
/// with the retry policy; the rate limit does not apply to the token endpoint.
struct TokenEndpoint: Sendable {
    /// What a token request came back with.
    enum Answer: Sendable {
        /// A token, valid for `expiresIn` seconds from `requestedAt`.
        case granted(token: String, expiresIn: Int, requestedAt: ContinuousClock.Instant)
        /// The credentials were refused (`invalid_client`).
        case invalidClient
    }

    let transport: any ClientTransport
    let tokenURL: URL
    let logMiddleware: any ClientMiddleware
    let policy: RetryPolicy
    let clock: any FracttalClock
    let metrics: MetricsRecorder
    let events: (@Sendable (ClientEvent) -> Void)?

    /// Asks for a token with `credentials`.
    func request(with credentials: ClientCredentials) async throws -> Answer {
        let client = Client(
            serverURL: tokenURL,
            configuration: .fracttal,
            transport: transport,
            middlewares: [
                TokenEndpointMiddleware(tokenURL: tokenURL, credentials: credentials), logMiddleware,
                AnswerScreeningMiddleware(),
            ]
        )
        let operation = "obtain an access token"
        let started = clock.now
        var attempt = 1
        while true {
            let failure: FracttalAPIError
            let sentAt = clock.now
            do {
                let output = try await RequestContext.$attempt.withValue(attempt) {
                    try await client.requestToken(body: .urlEncodedForm(.init(grantType: .clientCredentials)))
                }
                switch output {
                case .ok(let ok):
                    let body = try ok.body.json
                    return .granted(token: body.accessToken, expiresIn: body.expiresIn, requestedAt: sentAt)
                case .unauthorized:
                    return .invalidClient
                case .badRequest(let bad):
                    let error = try bad.body.json.error
                    if error == "invalid_client" { return .invalidClient }
                    throw FracttalAPIError.tokenRequestRefused(error: error, tokenURL: tokenURL.absoluteString)
                case .undocumented(let status, _) where (500...599).contains(status):
                    failure = .serverError(operation: operation, status: status, message: nil, attempts: attempt)
                case .undocumented(let status, _):
                    throw FracttalAPIError.unexpectedResponse(operation: operation, detail: "HTTP \(status) from the token endpoint")
                }
            } catch {
                switch ThrownFailure(error, operation: operation) {
                case .fatal(let error): throw error
                case .noAnswer(let reason), .unreadable(_, let reason):
                    failure = .unreachable(operation: operation, url: tokenURL.absoluteString, reason: reason, attempts: attempt)
                case .rateLimited(let retryAfter):
                    failure = .unreachable(
                        operation: operation, url: tokenURL.absoluteString, reason: "rate limited", attempts: attempt)
                    if let retryAfter, attempt < policy.maxAttempts {
                        try policy.check(.seconds(retryAfter), of: .retryAfter(retryAfter))
                        try await clock.sleep(for: .seconds(retryAfter))
                    }
                }
            }
            let delay = policy.backoff(afterAttempt: attempt)
            let now = clock.now
            guard attempt < policy.maxAttempts, now + delay - started <= policy.maxTotalTime else { throw failure }
            events?(.retry(operation: operation, attempt: attempt, of: policy.maxAttempts, delay: delay, reason: failure.shortReason))
            metrics.countRetry()
            try await clock.sleep(until: now + delay, tolerance: nil)
            attempt += 1
        }
    }

    /// The token of the configured credentials, with its renewal time, or the error that explains a refusal.
    func accessToken(for credentials: ClientCredentials) async throws -> AccessToken {
        switch try await request(with: credentials) {
        case .invalidClient:
            throw FracttalAPIError.invalidClient(key: credentials.key)
        case .granted(let token, let expiresIn, let requestedAt):
            let lifetime = Duration.seconds(max(expiresIn, 0))
            // Renew a tenth of the lifetime early, at most a minute early.
            let margin = min(lifetime / 10, .seconds(60))
            return AccessToken(value: token, renewAt: requestedAt + lifetime - margin)
        }
    }
}

extension Configuration {
    /// The runtime configuration of every generated client: RFC 3339 dates with or without fractions.
    static let fracttal = Configuration(dateTranscoder: RFC3339DateTranscoder(), jsonEncodingOptions: [])
}
