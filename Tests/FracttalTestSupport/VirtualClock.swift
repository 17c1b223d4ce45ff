import FracttalConcurrency
import Synchronization

/// A clock that only moves when someone sleeps on it (or a test advances it): sleeping jumps to the deadline.
///
/// It lets rate-limit and back-off waits happen instantly while keeping their order and their arithmetic.
public final class VirtualClock: FracttalClock {
    private let origin = ContinuousClock.now
    private let offset = Mutex<Duration>(.zero)

    /// A clock at zero.
    public init() {}

    public var now: ContinuousClock.Instant { origin + offset.withLock { $0 } }

    public var minimumResolution: Duration { .zero }

    public func sleep(until deadline: ContinuousClock.Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        offset.withLock { $0 = max($0, deadline - origin) }
        await Task.yield()
    }

    /// Moves the clock forward.
    public func advance(by duration: Duration) {
        offset.withLock { $0 += duration }
    }

    /// How far the clock has moved since it was made.
    public var elapsed: Duration { offset.withLock { $0 } }
}
