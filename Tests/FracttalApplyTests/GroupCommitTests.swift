import Dispatch
import Foundation
@testable import FracttalApply
import FracttalConcurrency
import FracttalTestSupport
import Synchronization
import Testing

struct GroupCommitTests {
    /// The groups a committer wrote, in order.
    final class Writes: Sendable {
        let groups = Mutex<[[Int]]>([])
        var all: [[Int]] { groups.withLock { $0 } }
    }

    @Test func eachCommitReturnsOnceAWriteHoldsItsItem() async throws {
        let writes = Writes()
        let committer = GroupCommit<Int>(label: "test") { items in
            writes.groups.withLock { $0.append(items) }
            return items.map { _ in nil }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for item in 0..<200 {
                group.addTask {
                    try await committer.commit(item)
                    #expect(writes.all.joined().contains(item))
                }
            }
            try await group.waitForAll()
        }
        #expect(writes.all.joined().sorted() == Array(0..<200))
    }

    @Test func itemsArrivingDuringARestShareTheNextWrite() async throws {
        let writes = Writes()
        // The first rest lasts until the test has handed its items over (or 30 s, which fails the test).
        let handedOver = DispatchSemaphore(value: 0)
        let firstRestTimedOut = Mutex<Bool?>(nil)
        let committer = GroupCommit<Int>(
            label: "test",
            rest: {
                if firstRestTimedOut.withLock({ $0 }) == nil {
                    let timedOut = handedOver.wait(timeout: .now() + 30) == .timedOut
                    firstRestTimedOut.withLock { $0 = timedOut }
                }
                return .milliseconds(1)
            }
        ) { items in
            writes.groups.withLock { $0.append(items) }
            return items.map { _ in nil }
        }
        try await committer.commit(0)
        // Had the first caller been told only after the rest, the rest would have waited in vain.
        #expect(firstRestTimedOut.withLock { $0 } == nil, "the first caller is told before the rest")
        for item in 1...10 { committer.submit(item) }
        handedOver.signal()
        try await committer.flush()
        #expect(writes.all == [[0], Array(1...10)])
    }

    @Test func eachItemHearsItsOwnAnswer() async throws {
        struct Refused: Error {}
        let committer = GroupCommit<Int>(label: "test") { items in items.map { $0.isMultiple(of: 2) ? nil : Refused() } }
        try await committer.commit(2)
        await #expect(throws: Refused.self) { try await committer.commit(3) }
        committer.submit(5)
        await #expect(throws: Refused.self, "a refused item nobody waited for is reported by the next flush") { try await committer.flush() }
    }

    @Test func aFailedWriteFailsEveryCommitOfItsGroup() async throws {
        struct Refused: Error {}
        let committer = GroupCommit<Int>(label: "test") { _ in throw Refused() }
        await #expect(throws: Refused.self) { try await committer.commit(1) }
        committer.submit(2)
        await #expect(throws: Refused.self) { try await committer.flush() }
    }
}

extension GroupCommitTests {
    @Test func aCancelledCallerStillWaitsForTheWriteOfItsItem() async throws {
        let writes = Writes()
        let writing = DispatchSemaphore(value: 0)
        let mayFinish = DispatchSemaphore(value: 0)
        let committer = GroupCommit<Int>(label: "test") { items in
            writing.signal()
            _ = mayFinish.wait(timeout: .now() + 30)
            writes.groups.withLock { $0.append(items) }
            return items.map { _ in nil }
        }
        let returned = AwaitedValue(false)
        let caller = Task {
            defer { returned.update { $0 = true } }
            try await committer.commit(7)
            return writes.all.joined().contains(7)
        }
        await blocking { _ = writing.wait(timeout: .now() + 30) }
        caller.cancel()
        // A negative needs a bound: a cancelled wait would return within it, while the write is held.
        #expect(await returned.wait(until: { $0 }, within: .milliseconds(200)) == nil, "the cancelled commit waits for its write")
        mayFinish.signal()
        #expect(try await caller.value, "the commit returned only once its item was written")
    }
}
