import Foundation
import FracttalSandbox
import Synchronization

/// A clock the test moves by hand.
final class ManualClock: SandboxClock {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) { current = Mutex(start) }

    func now() -> Date { current.withLock { $0 } }

    func advance(seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
