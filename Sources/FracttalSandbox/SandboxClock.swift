import Foundation

/// The time source of token expiry, rate-limit windows and timestamps (tests inject their own).
public protocol SandboxClock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The system's wall clock.
public struct SystemSandboxClock: SandboxClock {
    /// Creates the system clock.
    public init() {}

    /// The current time.
    public func now() -> Date { Date() }
}
