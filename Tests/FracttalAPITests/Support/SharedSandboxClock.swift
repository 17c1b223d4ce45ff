import Foundation
import FracttalSandbox
import FracttalTestSupport

/// The sandbox's view of a `VirtualClock`: when the client sleeps on the virtual clock, the
/// sandbox's rate-limit windows and token lifetimes move by the same amount.
struct SharedSandboxClock: SandboxClock {
    let clock: VirtualClock
    let start = Date()

    func now() -> Date { start + clock.elapsed.seconds }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
