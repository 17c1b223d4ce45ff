import Dispatch
import Foundation
import Synchronization

/// Writes items in groups: every item that arrives while a write runs goes into the next one, so a slow
/// write (an fsync, a rewrite of a whole file, a store helper's round trip) is paid once per group
/// instead of once per item. A write answers for each item on its own: nil when it was written, else its error.
///
/// Writes run one at a time, in arrival order, on a thread of their own, so that no Swift concurrency
/// thread blocks on the disk. After a write the thread may rest (`rest`) before the next group: what
/// arrives meanwhile joins that group, so a costly write is made less often.
final class GroupCommit<Item: Sendable>: Sendable {
    private struct Waiting {
        /// The item, or nil for a caller that only waits for what came before it.
        var item: Item?
        var continuation: CheckedContinuation<Void, any Error>?
    }

    private struct State {
        var queue: [Waiting] = []
        var writing = false
        /// The error of a group whose items nobody waited for; reported by the next `flush()`.
        var unreportedFailure: (any Error)?
    }

    private let state = Mutex(State())
    private let thread: DispatchQueue
    private let write: @Sendable ([Item]) throws -> [(any Error)?]
    private let rest: @Sendable () -> Duration

    /// Creates a committer whose groups `write` makes durable, in order, resting `rest()` after each
    /// write (once its callers have been told) before starting the next. `write` returns one answer per
    /// item, or throws for the whole group.
    init(
        label: String, rest: @escaping @Sendable () -> Duration = { .zero },
        write: @escaping @Sendable ([Item]) throws -> [(any Error)?]
    ) {
        thread = DispatchQueue(label: label)
        self.rest = rest
        self.write = write
    }

    /// Returns once a write that holds `item` has finished; throws that write's error.
    ///
    /// Cancellation does not interrupt the wait: what was handed over is written either way.
    func commit(_ item: Item) async throws {
        try await withCheckedThrowingContinuation { continuation in
            enqueue(Waiting(item: item, continuation: continuation))
        }
    }

    /// Hands `item` over to be written with the next group, without waiting.
    func submit(_ item: Item) {
        enqueue(Waiting(item: item, continuation: nil))
    }

    /// Waits until everything handed over so far is written; throws a failure nobody has heard of yet.
    func flush() async throws {
        try await withCheckedThrowingContinuation { continuation in
            enqueue(Waiting(item: nil, continuation: continuation))
        }
        let failure = state.withLock { state in
            defer { state.unreportedFailure = nil }
            return state.unreportedFailure
        }
        if let failure { throw failure }
    }

    private func enqueue(_ waiting: Waiting) {
        let startsWriter = state.withLock { state in
            state.queue.append(waiting)
            guard !state.writing else { return false }
            state.writing = true
            return true
        }
        if startsWriter { thread.async { self.drain() } }
    }

    /// Writes group after group until nothing is waiting.
    private func drain() {
        while true {
            let group: [Waiting] = state.withLock { state in
                if state.queue.isEmpty { state.writing = false }
                defer { state.queue = [] }
                return state.queue
            }
            if group.isEmpty { return }
            let items = group.compactMap(\.item)
            let result: Result<[(any Error)?], any Error> = items.isEmpty ? .success([]) : Result { try write(items) }
            var position = 0
            for waiting in group {
                var answer: Result<Void, any Error>
                switch result {
                case .failure(let error): answer = .failure(error)
                case .success: answer = .success(())
                }
                if waiting.item != nil {
                    if case .success(let answers) = result, position < answers.count, let error = answers[position] {
                        answer = .failure(error)
                    }
                    position += 1
                    if waiting.continuation == nil, case .failure(let error) = answer {
                        state.withLock { $0.unreportedFailure = error }
                    }
                }
                waiting.continuation?.resume(with: answer)
            }
            let pause = rest()
            if pause > .zero {
                let (seconds, attoseconds) = pause.components
                Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) * 1e-18)
            }
        }
    }
}
