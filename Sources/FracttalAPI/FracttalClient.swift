import FracttalConcurrency
import AsyncHTTPClient
import FracttalModel
import Foundation
import Logging
import NIOCore
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime

/// The HTTP client of the Fracttal management API (schemas/openapi.yaml).
///
/// It obtains and renews the access token, paces requests by the server's rate limit, repeats calls
/// that failed for reasons that may pass, and reads or changes one object at a time. Call `shutdown()`
/// when done.
public final class FracttalClient: Sendable {
    let configuration: ClientConfiguration
    let executor: RequestExecutor
    let tokenEndpoint: TokenEndpoint
    let recorder: MetricsRecorder
    let clock: any FracttalClock
    let identity = IdentityCache()
    /// The credentials the client signs in with now.
    let signing: SigningCredentials
    private let httpClient: HTTPClient

    /// The most items a list page holds (the server caps `limit` at 100).
    static let pageSize = 100

    /// Creates a client; throws `FracttalAPIError` when an address is not https (or http to a loopback host).
    public init(configuration: ClientConfiguration, clock: any FracttalClock = ContinuousClock()) throws {
        let baseURL = try TargetURL.validated(configuration.baseURL, role: .baseURL)
        let tokenURL = try TargetURL.validated(configuration.tokenURL, role: .tokenURL)
        self.configuration = configuration
        self.clock = clock

        let timeout = TimeAmount.nanoseconds(Int64(configuration.requestTimeout.seconds * 1e9))
        var httpConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: min(timeout, .seconds(10)), read: timeout)
        )
        httpConfiguration.connectionPool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(60),
            concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, configuration.pageConcurrency * 3)
        )
        // A refused connection fails the attempt at once; the retry policy decides about repeating it.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: httpConfiguration)
        self.httpClient = httpClient
        let transport = AsyncHTTPClientTransport(configuration: .init(client: httpClient, timeout: timeout))

        let recorder = MetricsRecorder()
        self.recorder = recorder
        let events = configuration.events
        let logMiddleware = RequestLogMiddleware(logger: configuration.logger, metrics: recorder, clock: clock)
        let tokenEndpoint = TokenEndpoint(
            transport: transport, tokenURL: tokenURL, logMiddleware: logMiddleware,
            policy: configuration.retryPolicy, clock: clock, metrics: recorder, events: events
        )
        self.tokenEndpoint = tokenEndpoint
        let signing = SigningCredentials(configuration.credentials)
        self.signing = signing
        let tokens = TokenCache(clock: clock) { try await tokenEndpoint.accessToken(for: signing.current) }
        let pacer = RequestPacer(clock: clock, policy: configuration.retryPolicy) { wait in
            recorder.countRateLimitWait(wait)
            events?(.rateLimitWait(wait))
        }
        let api = Client(
            serverURL: baseURL, configuration: .fracttal, transport: transport,
            middlewares: [BearerTokenMiddleware(), logMiddleware, AnswerScreeningMiddleware()]
        )
        executor = RequestExecutor(
            api: api, baseURL: baseURL.absoluteString, consumerKey: configuration.credentials.key, tokens: tokens, pacer: pacer,
            metrics: recorder, policy: configuration.retryPolicy, clock: clock, events: events
        )
    }

    /// What the client did so far: requests by kind, retries, rate-limit waits, adoptions.
    public var metrics: ClientMetrics { recorder.metrics }

    /// Obtains a token with other credentials: true when the token endpoint accepts them, false on `invalid_client`.
    ///
    /// Tests use it to prove that a delivered secret works. The client's own token is not touched.
    public func verifyCredentials(_ credentials: ClientCredentials) async throws -> Bool {
        switch try await tokenEndpoint.request(with: credentials) {
        case .granted: true
        case .invalidClient: false
        }
    }

    /// Closes the connections; the client cannot be used afterwards.
    public func shutdown() async throws {
        try await httpClient.shutdown()
    }
}
