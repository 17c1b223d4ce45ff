import Foundation
import FracttalSandboxTestSupport
import Testing

@testable import FracttalSandbox

/// Issued access tokens stay bounded in memory: expired ones are purged, and a consumer holds at
/// most `TokenStore.liveTokensPerConsumer` live ones.
struct TokenBoundTests {
    @Test func aNewTokenPastTheBoundRevokesTheOldest() async throws {
        try await TestSandbox.with { sandbox in
            var tokens: [String] = []
            for _ in 0...TokenStore.liveTokensPerConsumer { tokens.append(try await sandbox.token()) }
            #expect(try await sandbox.call(.GET, "/permissions/", token: tokens[0]).status == 401)
            #expect(try await sandbox.call(.GET, "/permissions/", token: tokens[1]).status == 200)
            #expect(try await sandbox.call(.GET, "/permissions/", token: tokens.last).status == 200)
        }
    }

    @Test func eachConsumerHoldsAtMostTheBound() {
        let store = TokenStore(ttlSeconds: 60, clock: ManualClock())
        let first = store.issue(for: "A")
        for _ in 0..<(2 * TokenStore.liveTokensPerConsumer) { _ = store.issue(for: "A") }
        let other = store.issue(for: "B")
        #expect(store.heldCount == TokenStore.liveTokensPerConsumer + 1)
        #expect(store.consumerKey(for: first) == nil)
        #expect(store.consumerKey(for: other) == "B")
    }

    @Test func expiredTokensArePurged() {
        let clock = ManualClock()
        let store = TokenStore(ttlSeconds: 30, clock: clock)
        for consumer in ["A", "B", "C"] {
            for _ in 0..<10 { _ = store.issue(for: consumer) }
        }
        #expect(store.heldCount == 30)
        clock.advance(seconds: 31)
        let fresh = store.issue(for: "D")
        #expect(store.heldCount == 1)
        #expect(store.consumerKey(for: fresh) == "D")
    }

    @Test func aTokenExpiresAfterItsLifetime() {
        let clock = ManualClock()
        let store = TokenStore(ttlSeconds: 30, clock: clock)
        let token = store.issue(for: "A")
        clock.advance(seconds: 29)
        #expect(store.consumerKey(for: token) == "A")
        clock.advance(seconds: 1)
        #expect(store.consumerKey(for: token) == nil)
    }
}
