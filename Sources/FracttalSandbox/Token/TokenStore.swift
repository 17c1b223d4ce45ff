import Foundation
import Synchronization

/// The access tokens issued since start (tokens do not survive a restart), each with its
/// consumer and expiry.
final class TokenStore: Sendable {
    private struct Issued {
        var consumerKey: String
        var expiresAt: Date
    }

    private let ttl: TimeInterval
    private let clock: any SandboxClock
    private let tokens = Mutex<[String: Issued]>([:])

    init(ttlSeconds: Int, clock: any SandboxClock) {
        self.ttl = TimeInterval(ttlSeconds)
        self.clock = clock
    }

    /// Issues a new token for the consumer.
    func issue(for consumerKey: String) -> String {
        let token = RandomText.accessToken()
        let now = clock.now()
        tokens.withLock { tokens in
            if tokens.count > 10_000 { tokens = tokens.filter { now < $0.value.expiresAt } }
            tokens[token] = Issued(consumerKey: consumerKey, expiresAt: now.addingTimeInterval(ttl))
        }
        return token
    }

    /// The consumer key of a live token; nil for an unknown or expired one.
    func consumerKey(for token: String) -> String? {
        let now = clock.now()
        return tokens.withLock { tokens in
            guard let issued = tokens[token] else { return nil }
            guard now < issued.expiresAt else {
                tokens[token] = nil
                return nil
            }
            return issued.consumerKey
        }
    }
}
