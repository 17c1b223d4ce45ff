import FracttalConcurrency
/// An access token and when to renew it.
struct AccessToken: Sendable {
    /// The bearer token.
    let value: String
    /// When to fetch a new one: shortly before it expires.
    let renewAt: ContinuousClock.Instant
}

/// Holds the client's access token, renews it shortly before it expires, and lets concurrent
/// callers share one token request.
actor TokenCache {
    private let clock: any FracttalClock
    private let fetch: @Sendable () async throws -> AccessToken
    private var current: AccessToken?
    private var pending: Task<AccessToken, any Error>?
    /// The token endpoint's refusal of these credentials: asking again would only be refused again.
    private var refusal: FracttalAPIError?
    /// Counts changes of the credentials (the client rotated its own secret).
    private var credentialsGeneration = 0

    init(clock: any FracttalClock, fetch: @escaping @Sendable () async throws -> AccessToken) {
        self.clock = clock
        self.fetch = fetch
    }

    /// A token that is not about to expire, fetched when needed.
    ///
    /// A refusal (`invalid_client`) of a request made before the credentials changed is not final:
    /// the token is asked for once more with the new credentials.
    func token() async throws -> String {
        var askedAgain = false
        while true {
            let generation = credentialsGeneration
            do {
                return try await currentOrFetched(generation: generation)
            } catch let error as FracttalAPIError {
                guard case .invalidClient = error, generation != credentialsGeneration, !askedAgain else { throw error }
                askedAgain = true
            }
        }
    }

    /// Forgets a refusal and lets the next token request use the credentials the client has now; the
    /// token in hand stays valid until it expires (a rotation does not revoke issued tokens).
    func credentialsChanged() {
        credentialsGeneration += 1
        refusal = nil
    }

    private func currentOrFetched(generation: Int) async throws -> String {
        if let current, clock.now < current.renewAt { return current.value }
        if let refusal { throw refusal }
        if let pending { return try await Self.value(of: pending).value }
        let task = Task { try await fetch() }
        pending = task
        defer { pending = nil }
        do {
            let token = try await Self.value(of: task)
            current = token
            return token.value
        } catch let error as FracttalAPIError {
            if case .invalidClient = error, generation == credentialsGeneration { refusal = error }
            throw error
        }
    }

    /// The shared request's token. A cancelled caller cancels the request itself (which would otherwise
    /// go on retrying an unreachable endpoint for seconds): callers are cancelled together, as when a
    /// plan abandons its read because the configuration has errors, or an apply stops.
    private static func value(of task: Task<AccessToken, any Error>) async throws -> AccessToken {
        try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    /// Forgets `value` after the server called it expired or unknown, unless a newer token replaced it.
    func invalidate(_ value: String) {
        if current?.value == value { current = nil }
    }
}
