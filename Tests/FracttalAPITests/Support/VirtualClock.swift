import FracttalAPI
import Synchronization

/// A clock that only moves when someone sleeps on it (or a test advances it): sleeping jumps to the deadline.
///
/// It lets rate-limit and back-off waits happen instantly while keeping their order and their arithmetic.
final class VirtualClock: APIClock {
    private let origin = ContinuousClock.now
    private let offset = Mutex<Duration>(.zero)

    func now() -> ContinuousClock.Instant { origin + offset.withLock { $0 } }

    func sleep(until deadline: ContinuousClock.Instant) async throws {
        try Task.checkCancellation()
        offset.withLock { $0 = max($0, deadline - origin) }
        await Task.yield()
    }

    /// Moves the clock forward.
    func advance(by duration: Duration) {
        offset.withLock { $0 += duration }
    }

    /// How far the clock has moved since it was made.
    var elapsed: Duration { offset.withLock { $0 } }
}
