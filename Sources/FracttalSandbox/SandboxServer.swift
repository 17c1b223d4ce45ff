import Foundation
import FracttalConcurrency
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// A running sandbox: the local Fracttal emulator of `schemas/openapi.yaml`, served over HTTP.
public final class SandboxServer: Sendable {
    /// The API base URL, `http://HOST:PORT/api`.
    public let apiBaseURL: String
    /// The token URL, `http://HOST:PORT/oauth/token`.
    public let tokenURL: String
    /// The port the server listens on.
    public let port: Int
    /// `http://HOST:PORT` as this machine reaches the server: at its host when that is loopback,
    /// else at `127.0.0.1` (`[::1]` beside an IPv6 host), also when the API is exposed (0.0.0.0).
    /// Routes that answer loopback clients only (the console) give their addresses on it.
    package let loopbackOrigin: String
    /// The bootstrap consumer `ci-bootstrap` with the secret issued at this start.
    public let bootstrapCredentials: SandboxCredentials

    private let components: SandboxComponents
    private let services: ServiceGroup
    private let task: Task<Void, any Error>

    private init(
        apiBaseURL: String, tokenURL: String, port: Int, loopbackOrigin: String,
        bootstrapCredentials: SandboxCredentials, components: SandboxComponents, services: ServiceGroup,
        task: Task<Void, any Error>
    ) {
        self.apiBaseURL = apiBaseURL
        self.tokenURL = tokenURL
        self.port = port
        self.loopbackOrigin = loopbackOrigin
        self.bootstrapCredentials = bootstrapCredentials
        self.components = components
        self.services = services
        self.task = task
    }

    /// Opens (creating and seeding on first use) the store, gives the bootstrap consumer a new
    /// secret, and starts serving; returns once the server listens.
    public static func start(_ configuration: SandboxConfiguration) async throws -> SandboxServer {
        try await start(configuration, routes: nil)
    }

    /// Starts serving as `start(_:)` does, with the routes of `routes` (the console) beside the
    /// sandbox's own.
    package static func start(
        _ configuration: SandboxConfiguration, routes: (any SandboxRouteExtension)?
    ) async throws -> SandboxServer {
        try configuration.validate()
        let store: SandboxStore
        do {
            store = try SandboxStore(path: configuration.dataPath)
        } catch {
            throw SandboxConfigurationError(
                "cannot open the sandbox data file \(configuration.dataPath ?? ":memory:"): \(error)"
            )
        }
        let bootstrap = try await store.rotateBootstrapSecret(now: configuration.clock.now())
        let components = SandboxComponents(
            store: store,
            tokens: TokenStore(ttlSeconds: configuration.tokenTTL, clock: configuration.clock),
            limiter: RateLimitEnforcer(limit: configuration.rateLimit, clock: configuration.clock),
            injector: FaultInjector(plan: configuration.faults, seed: configuration.seed),
            events: SandboxEvents(),
            clock: configuration.clock,
            tokenTTL: configuration.tokenTTL,
            faultDelayMilliseconds: configuration.faultDelayMilliseconds,
            routes: routes
        )
        var logger = Logger(label: "fracttal.sandbox")
        logger.logLevel = configuration.logLevel
        let started = StartSignal()
        let application = Application(
            router: try components.makeRouter(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in started.succeed(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
        let services = ServiceGroup(
            services: [application],
            gracefulShutdownSignals: configuration.handlesSignals ? [.sigterm, .sigint] : [],
            logger: logger
        )
        let task = Task {
            do {
                try await services.run()
                started.fail(SandboxConfigurationError("the sandbox stopped before it started listening"))
            } catch {
                started.fail(error)
                throw error
            }
        }
        let port: Int
        do {
            port = try await started.wait()
        } catch {
            task.cancel()
            throw SandboxConfigurationError(
                "cannot listen on \(configuration.host):\(configuration.port): \(error); choose another --host or --port"
            )
        }
        let hostInURL = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let base = "http://\(hostInURL):\(port)"
        let loopbackHost =
            LoopbackHost.contains(configuration.host)
            ? hostInURL : (configuration.host.contains(":") ? "[::1]" : "127.0.0.1")
        return SandboxServer(
            apiBaseURL: "\(base)/\(SandboxPaths.apiPrefix)",
            tokenURL: "\(base)/\(SandboxPaths.token)",
            port: port,
            loopbackOrigin: "http://\(loopbackHost):\(port)",
            bootstrapCredentials: SandboxCredentials(key: bootstrap.key, secret: bootstrap.secret),
            components: components,
            services: services,
            task: task
        )
    }

    /// Stops serving (letting calls in progress finish) and waits until the server has shut down.
    public func stop() async {
        await services.triggerGracefulShutdown()
        _ = try? await task.value
    }

    /// Waits until the server stops (after SIGINT or SIGTERM when it handles signals).
    public func waitUntilStopped() async throws {
        try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    /// How many `/api` requests the server has received (a test hook).
    public var requestCount: Int { components.events.requests.value }

    /// Every `/api` request received, to wait for.
    public var requests: EventCount { components.events.requests }

    /// Answers `hold_after` began to hold (after the call took effect), reads included.
    public var heldAnswers: EventCount { components.events.heldAnswers }

    /// Answers to changes (any method but GET) that `hold_after` began to hold: the change is made.
    public var heldChanges: EventCount { components.events.heldChanges }

    /// Changes `late_commit` made after it closed their connection.
    public var lateCommits: EventCount { components.events.lateCommits }

    /// Sets a group's count of user accounts, which the API cannot change (a test hook).
    /// Returns false when there is no such group.
    @discardableResult
    public func setAccountsCount(_ count: Int, forGroup id: Int64) async throws -> Bool {
        try await components.store.setAccountsCount(count, group: id)
    }
}

/// The port the server listens on, or why it never did: set once, by whichever comes first.
private final class StartSignal: Sendable {
    private let outcome = AwaitedValue<Result<Int, any Error>?>(nil)

    func succeed(_ port: Int) { resolve(.success(port)) }

    func fail(_ error: any Error) { resolve(.failure(error)) }

    func wait() async throws -> Int {
        guard let outcome = await outcome.wait(until: { $0 != nil }) else { throw CancellationError() }
        return try outcome.get()
    }

    private func resolve(_ result: Result<Int, any Error>) {
        outcome.update { if $0 == nil { $0 = result } }
    }
}
