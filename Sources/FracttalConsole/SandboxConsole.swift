import FracttalSandbox
import Hummingbird

/// The web console as `fracttal sandbox serve` mounts it (`SandboxServer.start(_:routes:)`): its
/// pages under `/console/` over the sandbox's store, and the login link of the one server it is
/// mounted on.
package struct SandboxConsole: SandboxRouteExtension {
    /// The login token and the sessions it opens.
    private let sessions = ConsoleSessions()

    package init() {}

    package func register(on router: Router<SandboxRequestContext>, store: SandboxStore, clock: any SandboxClock) throws {
        try Console(store: store, clock: clock, sessions: sessions).register(on: router)
    }

    /// The console on `server`, `http://HOST:PORT/console/`; the console answers loopback clients
    /// only, so HOST is loopback also when the API is exposed.
    package func url(on server: SandboxServer) -> String {
        "\(server.loopbackOrigin)\(ConsolePaths.root)"
    }

    /// The login link, which signs one browser in, once; print it only to whoever started the server.
    package func loginURL(on server: SandboxServer) -> String {
        "\(server.loopbackOrigin)\(ConsolePaths.login)?token=\(sessions.loginToken)"
    }
}
