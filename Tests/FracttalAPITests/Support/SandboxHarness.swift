import FracttalConcurrency
import Foundation
import FracttalAPI
import FracttalModel
import FracttalSandbox
import FracttalSandboxTestSupport
import Logging

/// A sandbox on an ephemeral loopback port, and a `FracttalClient` signed in as its bootstrap consumer.
struct SandboxHarness {
    let server: SandboxServer
    let client: FracttalClient

    /// A policy that retries quickly and generously, for tests with faults.
    static let testPolicy = RetryPolicy(
        maxAttempts: 12, maxTotalTime: .seconds(600), initialBackoff: .milliseconds(1), maxBackoff: .milliseconds(20),
        maxRateLimitWaits: 50, maxListRereads: 8, maxCreateAttempts: 8, ambiguousCreatePause: .milliseconds(5)
    )

    /// Starts a sandbox and a client, runs `body`, then shuts both down.
    @discardableResult
    static func with<T>(
        _ sandbox: SandboxConfiguration = SandboxConfiguration(),
        clock: any FracttalClock = ContinuousClock(),
        policy: RetryPolicy = testPolicy,
        logger: Logger = Logger(label: "fracttal.api.test", factory: { _ in SwiftLogNoOpLogHandler() }),
        events: (@Sendable (ClientEvent) -> Void)? = nil,
        _ body: (SandboxHarness) async throws -> T
    ) async throws -> T {
        try await SandboxLauncher.with(sandbox) { server in
            let client = try FracttalClient(
                configuration: ClientConfiguration(
                    baseURL: server.apiBaseURL, tokenURL: server.tokenURL,
                    credentials: ClientCredentials(key: server.bootstrapCredentials.key, secret: server.bootstrapCredentials.secret),
                    retryPolicy: policy, requestTimeout: .seconds(20), logger: logger, events: events
                ),
                clock: clock
            )
            do {
                let result = try await body(SandboxHarness(server: server, client: client))
                try await client.shutdown()
                return result
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }

    /// Runs `body` with another client of this sandbox (other credentials or clock), then shuts it down.
    func withClient<T>(
        credentials: ClientCredentials, clock: any FracttalClock = ContinuousClock(), policy: RetryPolicy = testPolicy,
        logger: Logger = Logger(label: "fracttal.api.test", factory: { _ in SwiftLogNoOpLogHandler() }),
        _ body: (FracttalClient) async throws -> T
    ) async throws -> T {
        let other = try FracttalClient(
            configuration: ClientConfiguration(
                baseURL: server.apiBaseURL, tokenURL: server.tokenURL, credentials: credentials,
                retryPolicy: policy, logger: logger
            ),
            clock: clock
        )
        do {
            let result = try await body(other)
            try await other.shutdown()
            return result
        } catch {
            try? await other.shutdown()
            throw error
        }
    }

    /// The bootstrap consumer's credentials.
    var bootstrap: ClientCredentials {
        ClientCredentials(key: server.bootstrapCredentials.key, secret: server.bootstrapCredentials.secret)
    }
}

extension FracttalClient {
    /// Creates `count` groups named `prefix-N` (with one permission each), `width` at a time.
    @discardableResult
    func seedGroups(_ count: Int, prefix: String, width: Int = 16) async throws -> [LiveGroup] {
        try await concurrently(count, width: width) { index in
            try await self.createGroup(
                GroupFields(name: "\(prefix)-\(index)", description: nil, permissions: [PermissionCode(module: "assets", action: "view")]),
                knownIDs: []
            ).group
        }
    }

    /// Creates `count` client-credentials consumers named `prefix-N` on `groupIDs` in turn, `width` at a time.
    @discardableResult
    func seedConsumers(_ count: Int, prefix: String, groupIDs: [Int], width: Int = 16) async throws -> [LiveConsumer] {
        try await concurrently(count, width: width) { index in
            try await self.createConsumer(
                ConsumerFields(
                    name: "\(prefix)-\(index)", description: index.isMultiple(of: 2) ? nil : "seeded \(index)",
                    grantType: .clientCredentials, permissionGroup: groupIDs[index % groupIDs.count], redirectURI: nil, hub: false
                ),
                knownKeys: []
            ).consumer
        }
    }
}

/// Runs `work` for 0..<count with at most `width` running at once; results in index order.
func concurrently<T: Sendable>(_ count: Int, width: Int, _ work: @escaping @Sendable (Int) async throws -> T) async throws -> [T] {
    try await withThrowingTaskGroup(of: (Int, T).self) { group in
        var results = [T?](repeating: nil, count: count)
        var next = 0
        while next < min(width, count) {
            let index = next
            group.addTask { (index, try await work(index)) }
            next += 1
        }
        while let (index, value) = try await group.next() {
            results[index] = value
            if next < count {
                let index = next
                group.addTask { (index, try await work(index)) }
                next += 1
            }
        }
        return results.map { $0! }
    }
}
