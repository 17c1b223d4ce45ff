import FracttalSandbox
import Synchronization

/// A browser signed in to the console: its session id (the cookie's value) and the CSRF token
/// its forms carry.
struct ConsoleSession: Sendable, Hashable {
    let id: String
    let csrfToken: String
}

/// The console's logins: the one-time login token printed at start, the sessions it opened,
/// and what a session's next page shows once (a notice, a newly issued secret).
final class ConsoleSessions: Sendable {
    /// The token of the login URL; it opens one session, once.
    let loginToken: String

    private struct Entry {
        let session: ConsoleSession
        var notice: String?
        /// Secrets issued to this session and not shown yet, by consumer key.
        var unshownSecrets: [String: String] = [:]
    }

    private struct State {
        var loginTokenUsed = false
        var entries: [String: Entry] = [:]
    }

    private let state = Mutex(State())

    /// Creates the sessions of one server start, with a fresh login token.
    init() {
        loginToken = RandomText.alphanumeric(count: 43)
    }

    /// Trades the login token for a new session; nil when `token` is wrong or already used.
    func logIn(token: String) -> ConsoleSession? {
        state.withLock { state in
            guard !state.loginTokenUsed, Self.sameText(token, loginToken) else { return nil }
            state.loginTokenUsed = true
            let session = ConsoleSession(
                id: RandomText.alphanumeric(count: 43), csrfToken: RandomText.alphanumeric(count: 43)
            )
            state.entries[session.id] = Entry(session: session)
            return session
        }
    }

    /// The session of a cookie value, if it is one.
    func session(id: String) -> ConsoleSession? {
        state.withLock { $0.entries[id]?.session }
    }

    /// Ends a session (its secrets not shown yet are forgotten).
    func logOut(_ session: ConsoleSession) {
        _ = state.withLock { $0.entries.removeValue(forKey: session.id) }
    }

    /// Sets the notice the session's next page shows.
    func setNotice(_ notice: String, for session: ConsoleSession) {
        state.withLock { $0.entries[session.id]?.notice = notice }
    }

    /// The notice to show now, which is then forgotten.
    func takeNotice(for session: ConsoleSession) -> String? {
        state.withLock { state in
            defer { state.entries[session.id]?.notice = nil }
            return state.entries[session.id]?.notice
        }
    }

    /// Keeps a newly issued secret until the session's Credentials panel shows it.
    func holdSecret(_ secret: String, consumer key: String, for session: ConsoleSession) {
        state.withLock { $0.entries[session.id]?.unshownSecrets[key] = secret }
    }

    /// The consumer's secret issued to this session, if not shown yet; it is then forgotten.
    func takeSecret(consumer key: String, for session: ConsoleSession) -> String? {
        state.withLock { $0.entries[session.id]?.unshownSecrets.removeValue(forKey: key) }
    }

    /// Whether two tokens are equal, in a time that does not depend on where they differ.
    static func sameText(_ given: String, _ expected: String) -> Bool {
        let given = Array(given.utf8)
        let expected = Array(expected.utf8)
        guard given.count == expected.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= given[index] ^ expected[index] }
        return difference == 0
    }
}
