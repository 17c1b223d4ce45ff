@testable import FracttalAPI
import FracttalModel
import FracttalTestSupport
import Testing

struct ListReaderTests {
    /// A list of `Int` items served in pages; `total(call)` says what `total` each call reports.
    private func reader(
        items: @escaping @Sendable (Int) -> [Int], total: @escaping @Sendable (Int) -> Int, calls: Locked<[Int]>,
        policy: RetryPolicy = RetryPolicy(maxListRereads: 2), metrics: MetricsRecorder = MetricsRecorder()
    ) -> ListReader<Int, Int> {
        ListReader(
            name: "numbers",
            page: { start, limit in
                let call = calls.withLock { calls in
                    calls.append(start)
                    return calls.count
                }
                let all = items(call)
                return Page(items: Array(all.dropFirst(start).prefix(limit)), total: total(call))
            },
            key: { $0 }, pageSize: 100, concurrency: 4, policy: policy, metrics: metrics, events: nil
        )
    }

    @Test func readsEveryPageOnceWhenNothingChanges() async throws {
        let calls = Locked<[Int]>([])
        let items = try await reader(items: { _ in Array(0..<250) }, total: { _ in 250 }, calls: calls).readAll()
        #expect(items == Array(0..<250))
        #expect(calls.value.sorted() == [0, 100, 200])
    }

    @Test func anEmptyListCostsOnePage() async throws {
        let calls = Locked<[Int]>([])
        let items = try await reader(items: { _ in [] }, total: { _ in 0 }, calls: calls).readAll()
        #expect(items.isEmpty)
        #expect(calls.value == [0])
    }

    @Test func aTotalThatChangesBetweenPagesStartsTheReadAgain() async throws {
        let calls = Locked<[Int]>([])
        let metrics = MetricsRecorder()
        // The second call of the first read sees one more item.
        let items = try await reader(
            items: { call in call == 1 ? Array(0..<150) : Array(0..<151) },
            total: { call in call == 1 ? 150 : 151 }, calls: calls, metrics: metrics
        ).readAll()
        #expect(items == Array(0..<151))
        #expect(calls.value.filter { $0 == 0 }.count == 2)
        #expect(metrics.metrics.listRereads == 1)
    }

    @Test func aListThatKeepsChangingEndsWithAClearError() async throws {
        let calls = Locked<[Int]>([])
        await #expect(throws: FracttalAPIError.listKeptChanging(list: "numbers", reads: 3)) {
            _ = try await reader(items: { call in Array(0..<(150 + call)) }, total: { call in 150 + call }, calls: calls).readAll()
        }
    }

    /// Holds every caller until `count` of them wait, then lets them all go on.
    private actor Barrier {
        let count: Int
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(count: Int) {
            self.count = count
        }

        /// Waits for the others; throws when the test's time limit cancels the wait first.
        func arrive() async throws {
            if waiting.count + 1 == count {
                releaseAll()
                return
            }
            await withTaskCancellationHandler {
                await withCheckedContinuation { waiting.append($0) }
            } onCancel: {
                Task { await self.releaseAll() }
            }
            try Task.checkCancellation()
        }

        private func releaseAll() {
            for caller in waiting { caller.resume() }
            waiting = []
        }
    }

    /// Behind a distant server a list costs two round trips: its first page, then all the others at once.
    /// Each of the 99 pages after the first waits until every one of them has been asked for, which
    /// never happens (and the test runs into its time limit) when fewer are in flight at once.
    @Test(.timeLimit(.minutes(1)))
    func theClientsDefaultAsksForEveryRemainingPageOfTenThousandItemsAtOnce() async throws {
        let barrier = Barrier(count: 99)
        let concurrency = ClientConfiguration(credentials: ClientCredentials(key: "key", secret: "secret")).pageConcurrency
        let reader = ListReader<Int, Int>(
            name: "numbers",
            page: { start, limit in
                if start > 0 { try await barrier.arrive() }
                return Page(items: Array(start..<min(start + limit, 10_000)), total: 10_000)
            },
            key: { $0 }, pageSize: 100, concurrency: concurrency, policy: RetryPolicy(maxListRereads: 2),
            metrics: MetricsRecorder(), events: nil
        )
        let items = try await reader.readAll()
        #expect(items == Array(0..<10_000))
    }

    @Test func newItemsAreFoundAtTheEndOfTheList() async throws {
        let calls = Locked<[Int]>([])
        let new = try await reader(items: { _ in Array(0..<260) }, total: { _ in 260 }, calls: calls)
            .readNew(known: Set(0..<250))
        #expect(new == Array(250..<260))
        #expect(calls.value == [150, 250])
    }

    @Test func manyDeletionsSinceTheSnapshotFallBackToAFullRead() async throws {
        let calls = Locked<[Int]>([])
        // The caller knew 0..<250; 0..<200 have been deleted since and 1000...1004 made.
        let current = Array(200..<250) + Array(1000..<1005)
        let new = try await reader(items: { _ in current }, total: { _ in current.count }, calls: calls)
            .readNew(known: Set(0..<250))
        #expect(new == Array(1000..<1005))
        #expect(calls.value == [150, 0])
    }
}
