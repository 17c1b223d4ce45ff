import FracttalAPI
import FracttalModel
import FracttalSandbox
import FracttalTestSupport
import Testing

/// The rate limit and token expiry against the sandbox, on virtual time shared by client and sandbox
/// (the client's waits move the sandbox's windows and token lifetimes; nothing sleeps for real).
@Suite struct RateLimitAndTokenTests {
    @Test func manyCallsAgainstATinyLimitArePacedWithoutRefusals() async throws {
        let clock = VirtualClock()
        let sandbox = SandboxConfiguration(rateLimit: RateLimit(count: 5, windowSeconds: 1), clock: SharedSandboxClock(clock: clock))
        let waits = Locked(0)
        try await SandboxHarness.with(sandbox, clock: clock, events: { event in
            if case .rateLimitWait = event { waits.withLock { $0 += 1 } }
        }) { sandbox in
            let made = try await sandbox.client.seedGroups(30, prefix: "paced", width: 10)
            let live = try await sandbox.client.readLiveState()

            #expect(Set(made.map(\.id)).count == 30)
            #expect(live.groups.filter { $0.name.hasPrefix("paced-") }.count == 30)
            let metrics = sandbox.client.metrics
            #expect(metrics.rateLimitedResponses == 0)
            #expect(metrics.rateLimitWaits >= 5)
            #expect(waits.value == metrics.rateLimitWaits)
            #expect(clock.elapsed >= .seconds(6))
        }
    }

    @Test func aStormOfRateLimitAnswersIsWaitedOut() async throws {
        let clock = VirtualClock()
        let sandbox = SandboxConfiguration(
            rateLimit: RateLimit(count: 5, windowSeconds: 1), faults: FaultPlan(rateLimit: 0.5), seed: 3,
            clock: SharedSandboxClock(clock: clock)
        )
        try await SandboxHarness.with(sandbox, clock: clock) { sandbox in
            let made = try await sandbox.client.seedGroups(40, prefix: "storm", width: 12)
            let live = try await sandbox.client.readLiveState()

            #expect(Set(made.map(\.id)).count == 40)
            for index in 0..<40 {
                #expect(live.groups.filter { $0.name == "storm-\(index)" }.count == 1)
            }
            let metrics = sandbox.client.metrics
            #expect(metrics.rateLimitedResponses > 10)
            #expect(metrics.adoptions == 0)
            #expect(metrics.retries == 0)
        }
    }

    @Test func aWindowThatResetsBeyondFiveMinutesIsAnErrorNamingTheHeaderInsteadOfAWait() async throws {
        let clock = VirtualClock()
        let sandbox = SandboxConfiguration(rateLimit: RateLimit(count: 2, windowSeconds: 3_600), clock: SharedSandboxClock(clock: clock))
        try await SandboxHarness.with(sandbox, clock: clock) { sandbox in
            let error = await #expect(throws: (any Error).self) { _ = try await sandbox.client.readLiveState() }

            let message = "\(error.map { "\($0)" } ?? "")"
            #expect(message.contains("(ratelimit-reset: 3600)"), "\(message)")
            #expect(message.contains("run the command again"), "\(message)")
            #expect(clock.elapsed < .seconds(300), "nothing was waited for")
        }
    }

    @Test func exhaustedRateLimitWaitsEndWithAClearError() async throws {
        let sandbox = SandboxConfiguration(faults: FaultPlan(rateLimit: 1), seed: 1)
        let policy = RetryPolicy(maxRateLimitWaits: 3)
        try await SandboxHarness.with(sandbox, clock: VirtualClock(), policy: policy) { sandbox in
            await #expect(throws: FracttalAPIError.rateLimitExhausted(operation: "read the OAuth consumers", answers: 4)) {
                _ = try await sandbox.client.readConsumersForTest()
            }
        }
    }

    @Test func aOneSecondTokenLifetimeIsRenewedBeforeItEnds() async throws {
        let clock = VirtualClock()
        let sandbox = SandboxConfiguration(tokenTTL: 1, clock: SharedSandboxClock(clock: clock))
        try await SandboxHarness.with(sandbox, clock: clock) { sandbox in
            let client = sandbox.client
            let live = try await client.readLiveState()
            clock.advance(by: .milliseconds(1_500))
            let group = try await client.createGroup(
                GroupFields(name: "short tokens", description: nil, permissions: []), knownIDs: Set(live.groups.map(\.id))
            ).group
            clock.advance(by: .milliseconds(1_500))
            _ = try await client.replaceGroup(id: group.id, with: GroupFields(name: "short tokens 2", description: "x", permissions: []))
            clock.advance(by: .milliseconds(1_500))
            try await client.deleteGroup(id: group.id)

            let metrics = client.metrics
            #expect(metrics.requests(.token) == 4)
            #expect(metrics.rejectedTokens == 0)
        }
    }

    @Test func aTokenTheServerCallsExpiredIsReplacedAndTheCallRepeated() async throws {
        let serverClock = VirtualClock()
        let sandbox = SandboxConfiguration(tokenTTL: 1, clock: SharedSandboxClock(clock: serverClock))
        // The client's clock stands still: it believes its token is fresh; only the server's 401 tells.
        try await SandboxHarness.with(sandbox, clock: VirtualClock()) { sandbox in
            let client = sandbox.client
            let first = try await client.readLiveState()
            serverClock.advance(by: .seconds(2))
            let second = try await client.readLiveState()
            serverClock.advance(by: .seconds(2))
            let group = try await client.createGroup(
                GroupFields(name: "after expiry", description: nil, permissions: []), knownIDs: Set(second.groups.map(\.id))
            )

            #expect(first.groups == second.groups)
            #expect(group.group.name == "after expiry")
            let metrics = client.metrics
            #expect(metrics.requests(.token) == 3)
            #expect(metrics.rejectedTokens >= 2)
            #expect(metrics.adoptions == 0)
        }
    }
}
