import Foundation
import FracttalSandbox
import Synchronization

/// A sandbox clock the test moves by hand.
public final class ManualClock: SandboxClock {
    private let current: Mutex<Date>

    /// A clock standing at `start` until `advance(seconds:)` moves it.
    public init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) { current = Mutex(start) }

    /// The time the clock stands at.
    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward.
    public func advance(seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
