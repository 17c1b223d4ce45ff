import Synchronization

/// A value that tasks wait on until it meets a condition: the one waiter primitive of the code.
///
/// `update` changes the value under a lock and resumes every waiter whose condition the new value
/// meets. A waiter whose task is cancelled is resumed at once with the value as it is then, so a
/// cancelled wait never hangs; callers that care check the value they get back.
public final class AwaitedValue<Value: Sendable>: Sendable {
    private struct Waiter {
        let condition: @Sendable (Value) -> Bool
        let continuation: CheckedContinuation<Value, Never>
    }

    private struct State {
        var value: Value
        var waiters: [Int: Waiter] = [:]
        var nextID = 0
    }

    private let state: Mutex<State>

    /// A value that starts as `value`.
    public init(_ value: Value) {
        state = Mutex(State(value: value))
    }

    /// The value now.
    public var value: Value { state.withLock { $0.value } }

    /// Changes the value with `change` and resumes the waiters whose condition it now meets;
    /// returns what `change` returns.
    @discardableResult
    public func update<Result>(_ change: (inout Value) -> Result) -> Result {
        let (result, ready, value) = state.withLock { state in
            let result = change(&state.value)
            let ready = state.waiters.filter { $0.value.condition(state.value) }
            for id in ready.keys { state.waiters[id] = nil }
            return (result, Array(ready.values), state.value)
        }
        for waiter in ready { waiter.continuation.resume(returning: value) }
        return result
    }

    /// Returns the value once it meets `condition` (at once if it already does), or as it is when
    /// the calling task is cancelled.
    public func wait(until condition: @escaping @Sendable (Value) -> Bool) async -> Value {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now: Value? = state.withLock { state in
                    if condition(state.value) || Task.isCancelled { return state.value }
                    state.waiters[id] = Waiter(condition: condition, continuation: continuation)
                    return nil
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            let (waiter, value) = state.withLock { state in (state.waiters.removeValue(forKey: id), state.value) }
            waiter?.continuation.resume(returning: value)
        }
    }

    /// Returns the value once it meets `condition`, or nil when it has not within `limit`: a bound
    /// for a wait that should end but may not (a test's), not a way to let time pass.
    public func wait(until condition: @escaping @Sendable (Value) -> Bool, within limit: Duration) async -> Value? {
        await withTaskGroup(of: Value?.self) { group in
            group.addTask {
                let value = await self.wait(until: condition)
                return condition(value) ? value : nil
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
