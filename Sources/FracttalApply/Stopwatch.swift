/// Measures durations with an injected clock, so tests need no real time.
struct Stopwatch: Sendable {
    private let startTimer: @Sendable () -> @Sendable () -> Duration

    /// A stopwatch reading `clock`.
    init<C: Clock>(clock: C) where C.Duration == Duration {
        startTimer = {
            let start = clock.now
            return { start.duration(to: clock.now) }
        }
    }

    /// Starts timing; the returned function gives the time elapsed since.
    func start() -> @Sendable () -> Duration { startTimer() }
}
