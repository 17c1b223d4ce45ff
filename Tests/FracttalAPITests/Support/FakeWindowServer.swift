@testable import FracttalAPI
import FracttalTestSupport
import Synchronization

/// The server side of a fixed-window rate limit, counted in memory on a virtual clock.
///
/// A window starts with the first call after the previous one ended; `reset` is the whole seconds
/// left, rounded up, as the contract's `ratelimit-reset` gives them.
final class FakeWindowServer: Sendable {
    struct Counts {
        var windowEnd: ContinuousClock.Instant?
        var inWindow = 0
        var served = 0
        var refused = 0
    }

    let clock: VirtualClock
    let limit: Int
    let window: Duration
    private let counts = Mutex(Counts())

    init(clock: VirtualClock, limit: Int, window: Duration) {
        self.clock = clock
        self.limit = limit
        self.window = window
    }

    /// Answers one request: accepted or refused (406), with the rate-limit headers.
    func handle() -> (accepted: Bool, info: RateLimitInfo) {
        let now = clock.now
        return counts.withLock { counts in
            if counts.windowEnd.map({ now >= $0 }) ?? true {
                counts.windowEnd = now + window
                counts.inWindow = 0
            }
            let end = counts.windowEnd!
            let accepted = counts.inWindow < limit
            if accepted {
                counts.inWindow += 1
                counts.served += 1
            } else {
                counts.refused += 1
            }
            let reset = (end - now).wholeSecondsRoundedUp
            return (accepted, RateLimitInfo(limit: limit, remaining: limit - counts.inWindow, reset: Int(reset)))
        }
    }

    var served: Int { counts.withLock { $0.served } }
    var refused: Int { counts.withLock { $0.refused } }
}
