import FracttalConcurrency

/// Paces every request of one client so that the server's rate limit is rarely exceeded.
///
/// One pacer is shared by all concurrent calls. A caller reserves a slot with `acquire()` before
/// sending and reports the answer with `complete(observing:)` or `rateLimited(observing:retryAfter:)`.
/// The pacer keeps the server's last word on the window (`ratelimit-limit`, `-remaining`, `-reset`)
/// and counts the requests still in flight against what remains. When nothing remains it waits until
/// the window resets; after a 406/429 it waits for the reset (or `Retry-After`). Until the first answer
/// tells the limit, one request at a time goes out. A wait longer than `longestWait` is not made:
/// `acquire()` throws `FracttalAPIError.serverWaitTooLong`, naming the header that asked for it.
actor RequestPacer {
    /// The shortest pause after a rate-limit answer, so a reset of `0` whole seconds is not hammered.
    static let minimumPause: Duration = .milliseconds(250)
    /// The pause after a rate-limit answer that does not say the window is used up.
    static let briefPause: Duration = .seconds(1)

    private let clock: any FracttalClock
    private let policy: RetryPolicy
    private let report: @Sendable (Duration) async -> Void

    private var limit: Int?
    private var remaining: Int?
    private var windowEnd: ContinuousClock.Instant?
    private var windowCause: ServerWait?
    private var pausedUntil: ContinuousClock.Instant?
    private var pauseCause: ServerWait?
    private var inFlight = 0
    private var announcedWaitEnd: ContinuousClock.Instant?
    /// Counts the changes that may free a slot (an answer, a refusal); a caller with none waits for the next.
    private let changes = AwaitedValue(0)

    /// Creates a pacer that waits at most `policy.longestServerWait` at a time; `report` hears of
    /// every distinct wait (for events and counters).
    init(clock: any FracttalClock, policy: RetryPolicy = .default, report: @escaping @Sendable (Duration) async -> Void = { _ in }) {
        self.clock = clock
        self.policy = policy
        self.report = report
    }

    /// Waits until a request may be sent and reserves a slot for it.
    func acquire() async throws {
        while true {
            try Task.checkCancellation()
            let now = clock.now
            if let end = windowEnd, now >= end {
                windowEnd = nil
                windowCause = nil
                remaining = limit
            }
            if let until = pausedUntil {
                if now < until {
                    try policy.check(until - now, of: pauseCause)
                    try await wait(until: until)
                    continue
                }
                pausedUntil = nil
                pauseCause = nil
            }
            let available = remaining.map { $0 - inFlight } ?? (inFlight == 0 ? 1 : 0)
            if available > 0 {
                inFlight += 1
                return
            }
            if let end = windowEnd {
                try policy.check(end - now, of: windowCause)
                try await wait(until: end)
            } else {
                await waitForChange()
            }
        }
    }

    /// Releases a slot after an answer (with what it said about the window) or after no answer (nil).
    func complete(observing info: RateLimitInfo?) {
        inFlight = max(0, inFlight - 1)
        if let info { observe(info) }
        wakeWaiters()
    }

    /// Releases a slot after a 406/429 answer and pauses everyone until the window resets.
    ///
    /// `Retry-After` wins when given. A refusal whose own headers say requests remain in the window
    /// was not about this window's count, so it pauses for at most a second instead of the whole window.
    func rateLimited(observing info: RateLimitInfo?, retryAfter: Int?) {
        inFlight = max(0, inFlight - 1)
        if let info { limit = info.limit }
        let pause: Duration
        let cause: ServerWait?
        if let retryAfter {
            pause = .seconds(max(retryAfter, 0))
            cause = .retryAfter(retryAfter)
        } else if let info {
            pause = info.remaining > 0 ? min(.seconds(max(info.reset, 0)), Self.briefPause) : .seconds(max(info.reset, 0))
            cause = .windowReset(info.reset)
        } else {
            pause = Self.briefPause
            cause = nil
        }
        let until = clock.now + max(pause, Self.minimumPause)
        if pausedUntil.map({ until >= $0 }) ?? true {
            pausedUntil = until
            pauseCause = cause
        }
        if info.map({ $0.remaining <= 0 }) ?? true {
            remaining = 0
            windowEnd = pausedUntil
            windowCause = pauseCause
        }
        wakeWaiters()
    }

    private func observe(_ info: RateLimitInfo) {
        limit = info.limit
        let end = clock.now + .seconds(max(info.reset, 0))
        guard let current = windowEnd else {
            windowEnd = end
            windowCause = .windowReset(info.reset)
            remaining = info.remaining
            return
        }
        if end > current + .seconds(1) {
            // A later window has started.
            windowEnd = end
            windowCause = .windowReset(info.reset)
            remaining = info.remaining
        } else if end + .seconds(1) >= current {
            // The same window: answers can arrive out of order, so the smallest count is the latest.
            if end > current { windowCause = .windowReset(info.reset) }
            windowEnd = max(current, end)
            remaining = min(remaining ?? info.remaining, info.remaining)
        }
        // Otherwise the answer is about a window that has already ended: nothing to learn.
    }

    private func wait(until end: ContinuousClock.Instant) async throws {
        if announcedWaitEnd != end {
            announcedWaitEnd = end
            let duration = end - clock.now
            if duration > .zero { await report(duration) }
        }
        try await clock.sleep(until: end, tolerance: nil)
    }

    /// Returns after the next change (or when the task is cancelled). The count is read before the
    /// first suspension, and changes happen only on this actor, so none is missed.
    private func waitForChange() async {
        let seen = changes.value
        _ = await changes.wait { $0 != seen }
    }

    private func wakeWaiters() {
        changes.update { $0 &+= 1 }
    }
}
