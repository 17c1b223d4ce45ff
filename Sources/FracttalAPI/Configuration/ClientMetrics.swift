import Synchronization

/// What kind of HTTP request the client sent, for the counters.
public enum RequestKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A token request to the token endpoint.
    case token
    /// A page of a list (catalog, groups or consumers).
    case list
    /// A create (POST) of a group or consumer.
    case create
    /// A whole replacement (PUT) of a group or consumer.
    case update
    /// A delete of a group or consumer.
    case delete
    /// A secret rotation.
    case rotate
}

/// Counters of what the client did, for `--verbose` and the benchmark.
public struct ClientMetrics: Sendable, Hashable {
    /// HTTP requests sent, by kind (every attempt counts, repeats included).
    public var requests: [RequestKind: Int]
    /// Calls repeated after a server error, a time-out or a dropped connection.
    public var retries: Int
    /// Times the client paused for the rate limit.
    public var rateLimitWaits: Int
    /// The total time of those pauses.
    public var rateLimitWaitTime: Duration
    /// Rate-limit answers (406 or 429) received.
    public var rateLimitedResponses: Int
    /// Objects found after a create whose answer was lost.
    public var adoptions: Int
    /// Lists read again from the start because they changed while being read.
    public var listRereads: Int
    /// Access tokens the server refused (`invalid_token`), each followed by a fresh token.
    public var rejectedTokens: Int

    /// Creates counters, all zero unless given.
    public init(
        requests: [RequestKind: Int] = [:], retries: Int = 0, rateLimitWaits: Int = 0, rateLimitWaitTime: Duration = .zero,
        rateLimitedResponses: Int = 0, adoptions: Int = 0, listRereads: Int = 0, rejectedTokens: Int = 0
    ) {
        self.requests = requests
        self.retries = retries
        self.rateLimitWaits = rateLimitWaits
        self.rateLimitWaitTime = rateLimitWaitTime
        self.rateLimitedResponses = rateLimitedResponses
        self.adoptions = adoptions
        self.listRereads = listRereads
        self.rejectedTokens = rejectedTokens
    }

    /// Every HTTP request sent.
    public var totalRequests: Int { requests.values.reduce(0, +) }

    /// Requests of one kind.
    public func requests(_ kind: RequestKind) -> Int { requests[kind, default: 0] }
}

/// The client's counters, shared by all concurrent calls.
final class MetricsRecorder: Sendable {
    private let counters = Mutex(ClientMetrics())

    /// The counts so far.
    var metrics: ClientMetrics { counters.withLock { $0 } }

    func countRequest(_ kind: RequestKind) { counters.withLock { $0.requests[kind, default: 0] += 1 } }
    func countRetry() { counters.withLock { $0.retries += 1 } }
    func countRateLimitWait(_ duration: Duration) {
        counters.withLock {
            $0.rateLimitWaits += 1
            $0.rateLimitWaitTime += duration
        }
    }
    func countRateLimitedResponse() { counters.withLock { $0.rateLimitedResponses += 1 } }
    func countAdoption() { counters.withLock { $0.adoptions += 1 } }
    func countListReread() { counters.withLock { $0.listRereads += 1 } }
    func countRejectedToken() { counters.withLock { $0.rejectedTokens += 1 } }
}
