/// How often and how long the client repeats calls that failed for reasons that may pass.
///
/// Server errors (5xx), time-outs and dropped connections are repeated with exponential back-off and
/// jitter, bounded both in attempts and in total time. Rate-limit answers (406/429) are waited out,
/// bounded in count; a single wait the server asks for is bounded by `longestServerWait`. A create call is never repeated blindly (see `FracttalClient.createGroup`).
public struct RetryPolicy: Sendable, Hashable {
    /// The most attempts of one call, the first included (at least 1).
    public var maxAttempts: Int
    /// The longest time spent on one call, back-off waits included, before giving up.
    public var maxTotalTime: Duration
    /// The back-off before the second attempt; it doubles on each further attempt.
    public var initialBackoff: Duration
    /// The longest single back-off.
    public var maxBackoff: Duration
    /// The most rate-limit answers (406/429) one call waits out before giving up.
    public var maxRateLimitWaits: Int
    /// The most times a list is read again from the start because it changed while being read.
    public var maxListRereads: Int
    /// The most create attempts after answers that leave it unknown whether the object was made.
    public var maxCreateAttempts: Int
    /// The pause before looking for what an ambiguous create made; the n-th look waits n times this,
    /// so that a server that commits late is seen before the request is repeated.
    public var ambiguousCreatePause: Duration
    /// The longest wait the server may ask for (`Retry-After`, `ratelimit-reset`); asking for a longer
    /// one ends the call with `FracttalAPIError.serverWaitTooLong` instead of a wait without bound.
    public var longestServerWait: Duration

    /// Creates a policy; the defaults suit a real Fracttal company.
    public init(
        maxAttempts: Int = 6,
        maxTotalTime: Duration = .seconds(60),
        initialBackoff: Duration = .milliseconds(250),
        maxBackoff: Duration = .seconds(8),
        maxRateLimitWaits: Int = 20,
        maxListRereads: Int = 5,
        maxCreateAttempts: Int = 3,
        ambiguousCreatePause: Duration = .seconds(5),
        longestServerWait: Duration = .seconds(300)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxTotalTime = maxTotalTime
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxRateLimitWaits = max(0, maxRateLimitWaits)
        self.maxListRereads = max(0, maxListRereads)
        self.maxCreateAttempts = max(1, maxCreateAttempts)
        self.ambiguousCreatePause = max(ambiguousCreatePause, .zero)
        self.longestServerWait = max(longestServerWait, .zero)
    }

    /// The policy for a real Fracttal company.
    public static let `default` = RetryPolicy()

    /// The wait before attempt `failedAttempt + 1`: half to all of the exponential step ("equal jitter").
    func backoff(afterAttempt failedAttempt: Int) -> Duration {
        let exponent = min(max(failedAttempt - 1, 0), 30)
        let step = min(initialBackoff * (1 << exponent), maxBackoff)
        return step * Double.random(in: 0.5...1.0)
    }
}

/// A wait the server asked for, and the header that asked for it.
struct ServerWait: Sendable, Hashable {
    /// `Retry-After` or `ratelimit-reset`.
    var header: String
    /// The header's value, in whole seconds.
    var seconds: Int

    /// A wait asked for by `Retry-After` (an HTTP date is already turned into seconds).
    static func retryAfter(_ seconds: Int) -> ServerWait { ServerWait(header: "Retry-After", seconds: seconds) }

    /// A wait until the rate-limit window resets.
    static func windowReset(_ seconds: Int) -> ServerWait { ServerWait(header: "ratelimit-reset", seconds: seconds) }
}

extension RetryPolicy {
    /// Throws `FracttalAPIError.serverWaitTooLong` when `remaining` of the wait `cause` asked for is
    /// longer than `longestServerWait`.
    func check(_ remaining: Duration, of cause: ServerWait?) throws {
        guard remaining > longestServerWait, let cause else { return }
        throw FracttalAPIError.serverWaitTooLong(
            header: cause.header, seconds: cause.seconds, longestSeconds: Int(longestServerWait.components.seconds))
    }
}
