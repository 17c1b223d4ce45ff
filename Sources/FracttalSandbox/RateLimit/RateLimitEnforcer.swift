import Foundation
import Synchronization

/// The rate-limit state one answer reports.
struct RateLimitStatus: Sendable, Equatable {
    /// Requests allowed per window.
    var limit: Int
    /// Requests left in the current window.
    var remaining: Int
    /// Whole seconds until the window resets.
    var resetSeconds: Int
    /// Whether this request was within the limit.
    var allowed: Bool
}

/// Fixed-window rate limiting per bearer token: a window starts with the first call after
/// the previous window ended; past `count` calls in a window, calls are refused.
final class RateLimitEnforcer: Sendable {
    private struct Window {
        var start: Date
        var used: Int
    }

    private let limit: RateLimit
    private let clock: any SandboxClock
    private let windows = Mutex<[String: Window]>([:])

    init(limit: RateLimit, clock: any SandboxClock) {
        self.limit = limit
        self.clock = clock
    }

    /// Counts one call of `token` and says whether it is allowed.
    func consume(token: String) -> RateLimitStatus {
        let now = clock.now()
        let length = TimeInterval(limit.windowSeconds)
        return windows.withLock { windows in
            var window = windows[token] ?? Window(start: now, used: 0)
            if now >= window.start.addingTimeInterval(length) { window = Window(start: now, used: 0) }
            let allowed = window.used < limit.count
            if allowed { window.used += 1 }
            windows[token] = window
            if windows.count > 10_000 { windows = windows.filter { now < $0.value.start.addingTimeInterval(length) } }
            let reset = max(0, Int((window.start.addingTimeInterval(length).timeIntervalSince(now)).rounded(.up)))
            return RateLimitStatus(
                limit: limit.count, remaining: limit.count - window.used, resetSeconds: reset, allowed: allowed
            )
        }
    }

    /// What an answer reports when no window is charged (a call without a valid token).
    func uncharged() -> RateLimitStatus {
        RateLimitStatus(limit: limit.count, remaining: limit.count, resetSeconds: limit.windowSeconds, allowed: true)
    }
}
