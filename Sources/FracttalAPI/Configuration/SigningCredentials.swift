import FracttalModel
import Synchronization

/// The key and secret the client signs in with; the secret changes when the client rotates its own.
final class SigningCredentials: Sendable {
    private let state: Mutex<ClientCredentials>

    init(_ credentials: ClientCredentials) {
        state = Mutex(credentials)
    }

    /// The credentials to ask for the next token with.
    var current: ClientCredentials { state.withLock { $0 } }

    /// Uses `credentials` from now on.
    func replace(with credentials: ClientCredentials) {
        state.withLock { $0 = credentials }
    }
}
