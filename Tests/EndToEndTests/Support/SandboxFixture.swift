import FracttalAPI
import FracttalModel
import FracttalSandbox
import Foundation

/// A sandbox served in-process on a loopback port, for running the built binary against it.
struct SandboxFixture {
    /// The running sandbox.
    let server: SandboxServer
    /// The folder the test works in (configuration files, plans, secrets).
    let folder: TemporaryFolder

    /// Starts a sandbox with a fresh store in a new temporary folder.
    static func start(
        rateLimit: RateLimit = RateLimit(count: 100_000, windowSeconds: 60),
        tokenTTL: Int = 7_200,
        faults: FaultPlan = .none,
        faultDelayMilliseconds: Int = 4_000,
        seed: UInt64? = 7
    ) async throws -> SandboxFixture {
        let folder = try TemporaryFolder()
        var configuration = SandboxConfiguration()
        configuration.dataPath = folder.url.appendingPathComponent("sandbox.sqlite").path
        configuration.rateLimit = rateLimit
        configuration.tokenTTL = tokenTTL
        configuration.faults = faults
        configuration.faultDelayMilliseconds = faultDelayMilliseconds
        configuration.seed = seed
        let server = try await SandboxServer.start(configuration)
        return SandboxFixture(server: server, folder: folder)
    }

    /// The variables that point the binary at this sandbox with the bootstrap credentials.
    var environment: [String: String] {
        [
            "FRACTTAL_BASE_URL": server.apiBaseURL,
            "FRACTTAL_TOKEN_URL": server.tokenURL,
            "FRACTTAL_CLIENT_ID": server.bootstrapCredentials.key,
            "FRACTTAL_CLIENT_SECRET": server.bootstrapCredentials.secret,
        ]
    }

    /// Runs the built binary in the fixture's folder against the sandbox.
    func run(_ arguments: [String], environment extra: [String: String] = [:], input: String? = nil) async throws -> FracttalProcess.Result {
        try await FracttalProcess.run(arguments, in: folder.url, environment: environment.merging(extra) { _, new in new }, input: input)
    }

    /// `plan --detailed-exitcode` of `config`, tried up to three times while faults make it fail (exit 1).
    func planSettled() async throws -> FracttalProcess.Result {
        var planned: FracttalProcess.Result
        var attempts = 0
        repeat {
            attempts += 1
            planned = try await run(["plan", "config", "--detailed-exitcode"])
        } while planned.status == 1 && attempts < 3
        return planned
    }

    /// Writes a configuration file into the fixture's folder.
    @discardableResult
    func write(_ text: String, to path: String = "config/main.yaml") throws -> URL {
        try folder.write(text, to: path)
    }

    /// A client signed in as the bootstrap consumer (or with `credentials`), for setting up and checking the company.
    func client(_ credentials: ClientCredentials? = nil) throws -> FracttalClient {
        try FracttalClient(configuration: ClientConfiguration(
            baseURL: server.apiBaseURL, tokenURL: server.tokenURL,
            credentials: credentials
                ?? ClientCredentials(key: server.bootstrapCredentials.key, secret: server.bootstrapCredentials.secret)
        ))
    }

    /// Reads the company as it is now (signed in as the bootstrap consumer, or with `credentials`).
    func live(as credentials: ClientCredentials? = nil) async throws -> LiveState {
        let client = try client(credentials)
        do {
            let live = try await client.readLiveState()
            try await client.shutdown()
            return live
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Whether these credentials obtain a token from the sandbox.
    func obtainsToken(key: String, secret: String) async throws -> Bool {
        let client = try client()
        let result = await Result(catching: { try await client.verifyCredentials(ClientCredentials(key: key, secret: secret)) })
        try? await client.shutdown()
        return try result.get()
    }

    /// Stops the sandbox and removes the folder.
    func stop() async {
        await server.stop()
        folder.remove()
    }
}

extension SandboxFixture {
    /// Runs `body` with a fresh sandbox, and stops the sandbox afterwards, also when `body` throws.
    static func with(
        rateLimit: RateLimit = RateLimit(count: 100_000, windowSeconds: 60),
        tokenTTL: Int = 7_200,
        faults: FaultPlan = .none,
        faultDelayMilliseconds: Int = 4_000,
        seed: UInt64? = 7,
        _ body: (SandboxFixture) async throws -> Void
    ) async throws {
        let sandbox = try await start(
            rateLimit: rateLimit, tokenTTL: tokenTTL, faults: faults, faultDelayMilliseconds: faultDelayMilliseconds, seed: seed)
        do {
            try await body(sandbox)
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }
}
