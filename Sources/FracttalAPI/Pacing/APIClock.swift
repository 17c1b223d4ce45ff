/// The time source of the client: token expiry, rate-limit waits and retry back-off.
///
/// Tests inject a clock of their own so that nothing has to sleep for real.
public protocol APIClock: Sendable {
    /// The current instant.
    func now() -> ContinuousClock.Instant
    /// Suspends until `deadline` (returns at once when it has passed); throws when the task is cancelled.
    func sleep(until deadline: ContinuousClock.Instant) async throws
}

/// The system's monotonic clock.
public struct RealClock: APIClock {
    /// Creates the system clock.
    public init() {}

    /// The current instant of `ContinuousClock`.
    public func now() -> ContinuousClock.Instant { ContinuousClock.now }

    /// Sleeps on `ContinuousClock` until `deadline`.
    public func sleep(until deadline: ContinuousClock.Instant) async throws {
        try await Task.sleep(until: deadline, clock: .continuous)
    }
}
