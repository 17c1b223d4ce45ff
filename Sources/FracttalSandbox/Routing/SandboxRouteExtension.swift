import Hummingbird

/// Routes served beside the sandbox's own, on the same router and over the same store, given
/// to `SandboxServer.start(_:routes:)`: `fracttal sandbox serve` mounts the web console
/// (`FracttalConsole`) this way; the embedded sandbox of `plan`, `apply` and `export` mounts none.
package protocol SandboxRouteExtension: Sendable {
    /// Registers the routes on the router of a server being started, after the sandbox's own.
    func register(on router: Router<SandboxRequestContext>, store: SandboxStore, clock: any SandboxClock) throws
}
