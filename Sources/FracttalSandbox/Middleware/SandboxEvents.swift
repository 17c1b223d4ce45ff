import FracttalConcurrency

/// A count of one kind of event in the sandbox, which a test can wait for instead of sleeping.
public final class EventCount: Sendable {
    private let count = AwaitedValue(0)

    /// The events so far.
    public var value: Int { count.value }

    func increment() {
        count.update { $0 += 1 }
    }

    /// Returns once `target` events have happened; throws `EventCountNotReached` when they have not
    /// within `limit` (a bound for a broken test, not a wait for time to pass).
    public func reached(_ target: Int, within limit: Duration = .seconds(60)) async throws {
        guard await count.wait(until: { $0 >= target }, within: limit) != nil else {
            throw EventCountNotReached(target: target, value: value)
        }
    }
}

/// `EventCount.reached` gave up.
public struct EventCountNotReached: Error, CustomStringConvertible {
    /// The count waited for.
    public let target: Int
    /// The count when the wait gave up.
    public let value: Int

    public var description: String { "waited for \(target) events, saw \(value)" }
}

/// What the sandbox counts for tests: requests, and what its faults did.
struct SandboxEvents: Sendable {
    /// Every `/api` request received.
    let requests = EventCount()
    /// Answers `hold_after` began to hold, reads included.
    let heldAnswers = EventCount()
    /// Answers to changes (any method but GET) `hold_after` began to hold, after the change was made.
    let heldChanges = EventCount()
    /// Changes `late_commit` made after closing their connection.
    let lateCommits = EventCount()
}
