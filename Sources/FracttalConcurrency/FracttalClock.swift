/// The one clock the tool waits and measures with: a standard-library `Clock` on `ContinuousClock`'s
/// instants, so that deadlines computed once stay comparable whichever clock is injected.
///
/// `ContinuousClock` is the real one; tests inject a clock that moves only when something sleeps on it
/// or the test moves it, so that no test waits for real time. Waits inside blocking system calls
/// (`poll` on a helper's socket, a file's sync) stay on the system's time: no clock can shorten them.
public protocol FracttalClock: Clock, Sendable where Instant == ContinuousClock.Instant {}

extension ContinuousClock: FracttalClock {}
