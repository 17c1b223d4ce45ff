import FracttalAPI
import FracttalModel
import FracttalSandbox
import Foundation
import FracttalSandboxTestSupport
import FracttalTestSupport

/// A sandbox served in-process on a loopback port, for running the built binary against it.
struct SandboxFixture {
    /// The running sandbox.
    let server: SandboxServer
    /// The folder the test works in (configuration files, plans, secrets).
    let folder: TemporaryFolder

    /// Runs `body` with a sandbox that keeps its store in a new temporary folder, and stops the
    /// sandbox and removes the folder afterwards, also when `body` throws.
    static func with(
        rateLimit: RateLimit = RateLimit(count: 100_000, windowSeconds: 60),
        tokenTTL: Int = 7_200,
        faults: FaultPlan = .none,
        faultDelayMilliseconds: Int = 4_000,
        seed: UInt64? = 7,
        clock: any SandboxClock = SystemSandboxClock(),
        _ body: (SandboxFixture) async throws -> Void
    ) async throws {
        try await TemporaryFolder.with { folder in
            var configuration = SandboxConfiguration()
            configuration.dataPath = folder.path("sandbox.sqlite")
            configuration.rateLimit = rateLimit
            configuration.tokenTTL = tokenTTL
            configuration.faults = faults
            configuration.faultDelayMilliseconds = faultDelayMilliseconds
            configuration.seed = seed
            configuration.clock = clock
            try await SandboxLauncher.with(configuration) { server in
                try await body(SandboxFixture(server: server, folder: folder))
            }
        }
    }

    /// The variables that point the binary at this sandbox with the bootstrap credentials.
    var environment: [String: String] { server.targetEnvironment }

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
    func write(_ text: String, to path: String = "config/main.yaml") throws -> String {
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
}
