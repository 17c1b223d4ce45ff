import FracttalAPI
import FracttalModel
import FracttalSandbox
import Foundation
import Logging

/// An open connection to the target: the API client, and the embedded sandbox when it serves the target.
final class TargetSession: Sendable {
    /// The target this session talks to.
    let target: Target
    /// The HTTP client every read and change goes through, the embedded sandbox included.
    let client: FracttalClient
    /// The key the tool signs in with: the consumer the planner must never lock out.
    let ownClientID: String
    /// The API base URL requests go to (the embedded sandbox's own loopback URL included).
    let apiBaseURL: String
    private let sandbox: SandboxServer?
    private let sandboxLock: EmbeddedSandboxLock?

    private init(
        target: Target, client: FracttalClient, ownClientID: String, apiBaseURL: String, sandbox: SandboxServer? = nil,
        sandboxLock: EmbeddedSandboxLock? = nil
    ) {
        self.target = target
        self.apiBaseURL = apiBaseURL
        self.client = client
        self.ownClientID = ownClientID
        self.sandbox = sandbox
        self.sandboxLock = sandboxLock
    }

    /// Opens the target: checks URLs and credentials, and starts the embedded sandbox when it is the target.
    static func open(_ target: Target, logger: Logger, events: (@Sendable (ClientEvent) -> Void)? = nil) async throws -> TargetSession {
        let environment = CommandContext.current.environment
        switch target {
        case .remote(let baseURL, let tokenURL):
            guard let key = environment["FRACTTAL_CLIENT_ID"], !key.isEmpty,
                  let secret = environment["FRACTTAL_CLIENT_SECRET"], !secret.isEmpty else {
                throw CommandFailure(.credentialsMissing, "set FRACTTAL_CLIENT_ID and FRACTTAL_CLIENT_SECRET to the key and secret of a client-credentials consumer of \(DisplayText.url(baseURL)); credentials are never taken from flags.")
            }
            let credentials = ClientCredentials(key: key, secret: secret)
            let client = try makeClient(baseURL: baseURL, tokenURL: tokenURL, credentials: credentials, logger: logger, events: events)
            return TargetSession(target: target, client: client, ownClientID: key, apiBaseURL: baseURL)
        case .embeddedSandbox(let givenPath):
            let dataPath = CommandContext.current.location(of: givenPath)
            let folder = (dataPath as NSString).deletingLastPathComponent
            var configuration = SandboxConfiguration()
            configuration.dataPath = dataPath
            let sandbox: SandboxServer
            let lock: EmbeddedSandboxLock
            do {
                if !folder.isEmpty {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                // Held until the sandbox has stopped: starting it signs out any other command using it.
                lock = try await EmbeddedSandboxLock.acquire(beside: dataPath)
            } catch {
                throw CommandFailure(
                    .sandboxUnavailable,
                    "cannot start the embedded sandbox at \(dataPath) (\(error)); make that folder writable, or set FRACTTAL_BASE_URL to use another target.")
            }
            do {
                sandbox = try await SandboxServer.start(configuration)
            } catch {
                lock.release()
                throw CommandFailure(
                    .sandboxUnavailable,
                    "cannot start the embedded sandbox at \(dataPath) (\(error)); make that folder writable, or set FRACTTAL_BASE_URL to use another target.")
            }
            let bootstrap = sandbox.bootstrapCredentials
            let credentials = ClientCredentials(key: bootstrap.key, secret: bootstrap.secret)
            do {
                let client = try makeClient(
                    baseURL: sandbox.apiBaseURL, tokenURL: sandbox.tokenURL, credentials: credentials, logger: logger, events: events
                )
                return TargetSession(
                    target: target, client: client, ownClientID: bootstrap.key, apiBaseURL: sandbox.apiBaseURL, sandbox: sandbox,
                    sandboxLock: lock)
            } catch {
                await sandbox.stop()
                lock.release()
                throw error
            }
        }
    }

    /// Shuts the client down, stops the embedded sandbox and lets the next command of its folder use it.
    func close() async {
        try? await client.shutdown()
        await sandbox?.stop()
        sandboxLock?.release()
    }

    /// Runs `work` with the session, then closes it, whether `work` finished or threw.
    func closing<Result>(after work: (TargetSession) async throws -> Result) async throws -> Result {
        try await withClosing(close) { try await work(self) }
    }

    private static func makeClient(
        baseURL: String, tokenURL: String, credentials: ClientCredentials, logger: Logger, events: (@Sendable (ClientEvent) -> Void)?
    ) throws -> FracttalClient {
        var configuration = ClientConfiguration(baseURL: baseURL, tokenURL: tokenURL, credentials: credentials)
        configuration.logger = logger
        configuration.events = events
        do {
            return try FracttalClient(configuration: configuration, clock: CommandContext.current.clock)
        } catch {
            throw CommandFailure(error, otherwise: .targetUnusable)
        }
    }
}
