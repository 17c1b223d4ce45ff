@testable import FracttalAPI
import FracttalConcurrency
import FracttalTestSupport
import Synchronization
import Testing

struct TokenCacheTests {
    private func cache(clock: VirtualClock, lifetime: Duration, fetches: Locked<Int>) -> TokenCache {
        TokenCache(clock: clock) {
            let number = fetches.withLock { count in
                count += 1
                return count
            }
            await Task.yield()
            return AccessToken(value: "token-\(number)", renewAt: clock.now + lifetime)
        }
    }

    /// After the client rotates its own secret, a refusal of the old one is not kept: the new one is asked.
    @Test func aRefusalBeforeTheCredentialsChangedIsAskedAgain() async throws {
        let current = Locked("old")
        let clock = VirtualClock()
        let tokens = TokenCache(clock: clock) {
            guard current.withLock({ $0 }) == "new" else { throw FracttalAPIError.invalidClient(key: "KEY") }
            return AccessToken(value: "token-new", renewAt: clock.now + .seconds(60))
        }
        await #expect(throws: FracttalAPIError.invalidClient(key: "KEY")) { try await tokens.token() }
        await #expect(throws: FracttalAPIError.invalidClient(key: "KEY"), "the refusal is kept while nothing changed") {
            try await tokens.token()
        }
        current.withLock { $0 = "new" }
        await tokens.credentialsChanged()
        #expect(try await tokens.token() == "token-new")
    }

    @Test func concurrentCallersShareOneFetch() async throws {
        let fetches = Locked(0)
        let tokens = cache(clock: VirtualClock(), lifetime: .seconds(60), fetches: fetches)

        let values = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await tokens.token() } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }

        #expect(values == ["token-1"])
        #expect(fetches.withLock { $0 } == 1)
    }

    /// A token request that would go on retrying ends when its callers are cancelled.
    @Test func cancellingTheCallersCancelsTheSharedFetch() async throws {
        let sawCancellation = Locked(false)
        let started = AwaitedValue(false)
        let tokens = TokenCache(clock: VirtualClock()) {
            started.update { $0 = true }
            // An answer that never comes: only cancellation ends this wait.
            _ = await AwaitedValue(false).wait { $0 }
            sawCancellation.withLock { $0 = Task.isCancelled }
            throw CancellationError()
        }
        let callers = Task {
            try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<3 { group.addTask { try await tokens.token() } }
                return try await group.next()
            }
        }
        _ = await started.wait { $0 }

        callers.cancel()
        let result = await callers.result

        #expect(throws: CancellationError.self) { try result.get() }
        #expect(sawCancellation.withLock { $0 })
    }

    @Test func renewsWhenTheRenewalTimeHasCome() async throws {
        let clock = VirtualClock()
        let fetches = Locked(0)
        let tokens = cache(clock: clock, lifetime: .seconds(60), fetches: fetches)

        #expect(try await tokens.token() == "token-1")
        clock.advance(by: .seconds(59))
        #expect(try await tokens.token() == "token-1")
        clock.advance(by: .seconds(2))
        #expect(try await tokens.token() == "token-2")
    }

    @Test func invalidatingTheCurrentTokenFetchesANewOne() async throws {
        let fetches = Locked(0)
        let tokens = cache(clock: VirtualClock(), lifetime: .seconds(60), fetches: fetches)

        let first = try await tokens.token()
        await tokens.invalidate("some older token")
        #expect(try await tokens.token() == first)
        await tokens.invalidate(first)
        #expect(try await tokens.token() == "token-2")
    }
}
