@testable import FracttalAPI
import FracttalModel
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// Full reads and changes against a sandbox that injects faults (with a fixed seed).
@Suite struct FaultToleranceTests {
    /// A store with enough groups and consumers for several pages each, and its fault-free reading.
    private static func company() async throws -> (path: String, state: LiveState) {
        let path = SandboxLauncher.temporaryStorePath()
        try BulkStore.make(at: path, groups: 230, consumers: 260)
        let state = try await SandboxHarness.with(SandboxConfiguration(dataPath: path)) { sandbox in
            try await sandbox.client.readLiveState()
        }
        return (path, state)
    }

    static let faultKinds: [(String, FaultPlan)] = [
        ("error_before", FaultPlan(errorBefore: 0.3)),
        ("error_after", FaultPlan(errorAfter: 0.3)),
        ("lost", FaultPlan(lost: 0.3)),
        ("ratelimit", FaultPlan(rateLimit: 0.3)),
        ("latency", FaultPlan(latencyMilliseconds: 1...15)),
    ]

    @Test(arguments: faultKinds.map(\.0))
    func fullReadsAreCompleteAndCorrectUnderFaults(_ kind: String) async throws {
        let faults = try #require(Self.faultKinds.first { $0.0 == kind }?.1)
        let (path, expected) = try await Self.company()
        defer { SandboxLauncher.removeStore(at: path) }

        let configuration = SandboxConfiguration(
            dataPath: path, rateLimit: RateLimit(count: 100_000, windowSeconds: 60), faults: faults, seed: 42
        )
        try await SandboxHarness.with(configuration, clock: VirtualClock()) { sandbox in
            for _ in 0..<3 {
                let state = try await sandbox.client.readLiveState()
                // Each start gives the bootstrap consumer a new secret (and so a new secret_created_at).
                let bootstrap = sandbox.bootstrap.key
                #expect(state.catalog == expected.catalog)
                #expect(state.groups == expected.groups)
                #expect(state.consumers.map(\.key) == expected.consumers.map(\.key))
                #expect(state.consumers.filter { $0.key != bootstrap } == expected.consumers.filter { $0.key != bootstrap })
            }
            let metrics = sandbox.client.metrics
            switch kind {
            case "ratelimit": #expect(metrics.rateLimitedResponses > 0)
            case "latency": #expect(metrics.retries == 0)
            default: #expect(metrics.retries > 0)
            }
        }
    }

    @Test(arguments: ["lost", "error_after"])
    func createsWhoseAnswerIsLostLeaveExactlyOneObjectAndAreAdopted(_ kind: String) async throws {
        let faults = kind == "lost" ? FaultPlan(lost: 0.5) : FaultPlan(errorAfter: 0.5)
        let configuration = SandboxConfiguration(rateLimit: RateLimit(count: 100_000, windowSeconds: 60), faults: faults, seed: 7)
        try await SandboxHarness.with(configuration, clock: VirtualClock()) { sandbox in
            let client = sandbox.client
            var live = try await client.readLiveState()
            var outcomes: [String: Bool] = [:] // name: adopted
            for index in 0..<6 {
                let fields = GroupFields(
                    name: "ops \(kind) \(index)", description: "made under \(kind)",
                    permissions: [PermissionCode(module: "assets", action: "view"), PermissionCode(module: "tasks", action: "edit")]
                )
                let creation = try await client.createGroup(fields, knownIDs: Set(live.groups.map(\.id)))
                #expect(creation.group.matches(fields))
                if case .adopted = creation { outcomes[fields.name] = true } else { outcomes[fields.name] = false }
                live = try await client.readLiveState()
            }
            let group = try #require(live.groups.first { $0.name == "ops \(kind) 0" })
            for index in 0..<6 {
                let fields = ConsumerFields(
                    name: "erp \(kind) \(index)", description: nil, grantType: .clientCredentials, permissionGroup: group.id,
                    redirectURI: nil, hub: index.isMultiple(of: 2)
                )
                let creation = try await client.createConsumer(fields, knownKeys: Set(live.consumers.map(\.key)))
                #expect(creation.consumer.matches(fields))
                switch creation {
                case .created(let consumer, let credentials):
                    outcomes[fields.name] = false
                    #expect(credentials.key == consumer.key)
                    #expect(try await client.verifyCredentials(ClientCredentials(key: credentials.key, secret: credentials.secret)))
                case .adopted(let consumer):
                    outcomes[fields.name] = true
                    // The secret of an adopted consumer was lost: a rotation delivers one.
                    let rotated = try await client.rotateSecret(key: consumer.key)
                    #expect(try await client.verifyCredentials(ClientCredentials(key: consumer.key, secret: rotated.credentials.secret)))
                }
                live = try await client.readLiveState()
            }

            for name in outcomes.keys {
                let count = live.groups.filter { $0.name == name }.count + live.consumers.filter { $0.name == name }.count
                #expect(count == 1, "\(name) exists \(count) times")
            }
            let adopted = outcomes.values.filter { $0 }.count
            #expect(adopted > 0)
            #expect(client.metrics.adoptions == adopted)
        }
    }

    @Test func deletesAndUpdatesSurviveLostAnswers() async throws {
        let configuration = SandboxConfiguration(rateLimit: RateLimit(count: 100_000, windowSeconds: 60), faults: FaultPlan(lost: 0.4), seed: 11)
        try await SandboxHarness.with(configuration, clock: VirtualClock()) { sandbox in
            let client = sandbox.client
            var made: [LiveGroup] = []
            for index in 0..<6 {
                let live = try await client.readLiveState()
                let fields = GroupFields(name: "temp \(index)", description: nil, permissions: [])
                made.append(try await client.createGroup(fields, knownIDs: Set(live.groups.map(\.id))).group)
            }
            for group in made {
                let renamed = GroupFields(name: group.name + " renamed", description: "x", permissions: [PermissionCode(module: "assets", action: "view")])
                let updated = try await client.replaceGroup(id: group.id, with: renamed)
                #expect(updated.matches(renamed))
                try await client.deleteGroup(id: group.id)
            }
            let live = try await client.readLiveState()
            #expect(live.groups.allSatisfy { !$0.name.hasPrefix("temp ") })
            #expect(client.metrics.retries > 0)
        }
    }
}
