import Synchronization

/// A value shared by concurrent test tasks and callbacks.
public final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    /// A box holding `value`.
    public init(_ value: Value) { mutex = Mutex(value) }

    /// Reads or changes the value under the lock.
    public func withLock<Result: Sendable>(_ body: (inout sending Value) throws -> sending Result) rethrows -> Result {
        try mutex.withLock(body)
    }

    /// The current value.
    public var value: Value { mutex.withLock { $0 } }
}
