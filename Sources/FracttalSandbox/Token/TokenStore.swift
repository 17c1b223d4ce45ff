import Foundation
import Synchronization

/// The access tokens issued since start (tokens do not survive a restart), each with its
/// consumer and expiry. Memory stays bounded: expired tokens are purged, and a consumer holds at
/// most `liveTokensPerConsumer` live tokens; issuing one more revokes its oldest.
final class TokenStore: Sendable {
    /// The most live tokens one consumer holds.
    static let liveTokensPerConsumer = 256

    private struct Issued {
        var consumerKey: String
        var expiresAt: Date
    }

    private struct State {
        var tokens: [String: Issued] = [:]
        /// Each consumer's tokens, oldest first (so also in order of expiry); a token here may
        /// already be gone from `tokens`.
        var issueOrder: [String: [String]] = [:]
        /// When to next purge every expired token.
        var nextPurge: Date
    }

    private let ttl: TimeInterval
    private let clock: any SandboxClock
    private let state: Mutex<State>

    init(ttlSeconds: Int, clock: any SandboxClock) {
        self.ttl = TimeInterval(ttlSeconds)
        self.clock = clock
        self.state = Mutex(State(nextPurge: clock.now()))
    }

    /// Issues a new token for the consumer, revoking its oldest live one past the bound.
    func issue(for consumerKey: String) -> String {
        let token = RandomText.accessToken()
        let now = clock.now()
        state.withLock { state in
            if now >= state.nextPurge { Self.purge(&state, now: now, nextIn: min(ttl, 60)) }
            var order = state.issueOrder[consumerKey] ?? []
            let gone = order.prefix { state.tokens[$0].map { now >= $0.expiresAt } ?? true }
            for expired in gone { state.tokens[expired] = nil }
            order.removeFirst(gone.count)
            while order.count >= Self.liveTokensPerConsumer {
                state.tokens[order.removeFirst()] = nil
            }
            order.append(token)
            state.issueOrder[consumerKey] = order
            state.tokens[token] = Issued(consumerKey: consumerKey, expiresAt: now.addingTimeInterval(ttl))
        }
        return token
    }

    /// The consumer key of a live token; nil for an unknown, expired or revoked one.
    func consumerKey(for token: String) -> String? {
        let now = clock.now()
        return state.withLock { state in
            guard let issued = state.tokens[token] else { return nil }
            guard now < issued.expiresAt else {
                state.tokens[token] = nil
                return nil
            }
            return issued.consumerKey
        }
    }

    /// How many tokens the store holds (a test hook).
    var heldCount: Int { state.withLock { $0.tokens.count } }

    /// Drops every expired token, and sets the next purge `nextIn` seconds from now.
    private static func purge(_ state: inout State, now: Date, nextIn seconds: TimeInterval) {
        let tokens = state.tokens.filter { now < $0.value.expiresAt }
        state.tokens = tokens
        state.issueOrder = state.issueOrder.compactMapValues { order in
            let live = order.filter { tokens[$0] != nil }
            return live.isEmpty ? nil : live
        }
        state.nextPurge = now.addingTimeInterval(seconds)
    }
}
