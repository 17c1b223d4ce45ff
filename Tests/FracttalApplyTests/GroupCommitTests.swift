import Foundation
@testable import FracttalApply
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
        let committer = GroupCommit<Int>(label: "test") { items in writes.groups.withLock { $0.append(items) } }
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
        let committer = GroupCommit<Int>(label: "test", rest: { .milliseconds(300) }) { items in
            writes.groups.withLock { $0.append(items) }
        }
        let clock = ContinuousClock()
        let started = clock.now
        try await committer.commit(0)
        #expect(clock.now - started < .milliseconds(300), "the first caller is told before the rest")
        // Ten items handed over during the rest that follows the first write.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for item in 1...10 {
                group.addTask { try await committer.commit(item) }
            }
            try await group.waitForAll()
        }
        #expect(writes.all.map { $0.sorted() } == [[0], Array(1...10)])
    }

    @Test func aFailedWriteFailsEveryCommitOfItsGroup() async throws {
        struct Refused: Error {}
        let committer = GroupCommit<Int>(label: "test") { _ in throw Refused() }
        await #expect(throws: Refused.self) { try await committer.commit(1) }
        committer.submit(2)
        await #expect(throws: Refused.self) { try await committer.flush() }
    }
}
