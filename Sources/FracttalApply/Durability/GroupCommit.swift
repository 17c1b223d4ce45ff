import Dispatch
import Foundation
import FracttalConcurrency
import Synchronization

/// Writes items in groups: every item that arrives while a write runs goes into the next one, so a slow
/// write (an fsync, a rewrite of a whole file, a store helper's round trip) is paid once per group
/// instead of once per item. A write answers for each item on its own: nil when it was written, else its error.
///
/// Writes run one at a time, in arrival order, on a thread of their own, so that no Swift concurrency
/// thread blocks on the disk. After a write the thread may rest (`rest`) before the next group: what
/// arrives meanwhile joins that group, so a costly write is made less often.
final class GroupCommit<Item: Sendable>: Sendable {
    /// An item handed over (nil for a caller that only waits for what came before it), with its place in line.
    private struct Handed {
        var ticket: Int
        var item: Item?
        /// Whether a caller waits for this item's answer.
        var awaited: Bool
    }

    private struct State {
        var queue: [Handed] = []
        var nextTicket = 1
        var writing = false
        /// The error of a group whose items nobody waited for; reported by the next `flush()`.
        var unreportedFailure: (any Error)?
    }

    /// What the writer has finished: every ticket up to `through`, and the errors of awaited items that failed.
    private struct Finished: Sendable {
        var through = 0
        var failures: [Int: any Error] = [:]
    }

    private let state = Mutex(State())
    private let finished = AwaitedValue(Finished())
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
        try await outcome(of: enqueue(item, awaited: true))
    }

    /// Hands `item` over to be written with the next group, without waiting.
    func submit(_ item: Item) {
        enqueue(item, awaited: false)
    }

    /// Waits until everything handed over so far is written; throws a failure nobody has heard of yet.
    func flush() async throws {
        try await outcome(of: enqueue(nil, awaited: true))
        let failure = state.withLock { state in
            defer { state.unreportedFailure = nil }
            return state.unreportedFailure
        }
        if let failure { throw failure }
    }

    /// Waits until the write of `ticket` has finished, and throws its error. The wait runs in a task
    /// of its own, which the caller's cancellation does not reach.
    private func outcome(of ticket: Int) async throws {
        _ = await Task { await self.finished.wait { $0.through >= ticket } }.value
        let failure = finished.update { $0.failures.removeValue(forKey: ticket) }
        if let failure { throw failure }
    }

    @discardableResult
    private func enqueue(_ item: Item?, awaited: Bool) -> Int {
        let (ticket, startsWriter) = state.withLock { state in
            let ticket = state.nextTicket
            state.nextTicket += 1
            state.queue.append(Handed(ticket: ticket, item: item, awaited: awaited))
            guard !state.writing else { return (ticket, false) }
            state.writing = true
            return (ticket, true)
        }
        if startsWriter { thread.async { self.drain() } }
        return ticket
    }

    /// Writes group after group until nothing is waiting.
    private func drain() {
        while true {
            let group: [Handed] = state.withLock { state in
                if state.queue.isEmpty { state.writing = false }
                defer { state.queue = [] }
                return state.queue
            }
            guard let last = group.last else { return }
            let items = group.compactMap(\.item)
            let result: Result<[(any Error)?], any Error> = items.isEmpty ? .success([]) : Result { try write(items) }
            var failures: [Int: any Error] = [:]
            var position = 0
            for handed in group where handed.item != nil {
                var failure: (any Error)?
                switch result {
                case .failure(let error): failure = error
                case .success(let answers): failure = position < answers.count ? answers[position] : nil
                }
                position += 1
                guard let failure else { continue }
                if handed.awaited {
                    failures[handed.ticket] = failure
                } else {
                    state.withLock { $0.unreportedFailure = failure }
                }
            }
            finished.update { finished in
                finished.through = last.ticket
                finished.failures.merge(failures) { _, new in new }
            }
            let pause = rest()
            if pause > .zero {
                let (seconds, attoseconds) = pause.components
                Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) * 1e-18)
            }
        }
    }
}
