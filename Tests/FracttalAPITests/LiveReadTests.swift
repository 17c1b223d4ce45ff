import FracttalAPI
import FracttalModel
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

@Suite struct LiveReadTests {
    @Test func readsTheSeededCompany() async throws {
        try await SandboxHarness.with { sandbox in
            let state = try await sandbox.client.readLiveState()

            #expect(state.groups.map(\.name) == ["Default", "PERMISO 1 TECNICO", "Automation"])
            #expect(state.groups.filter(\.isDefault).map(\.name) == ["Default"])
            #expect(state.consumers.count == 8)
            #expect(state.consumers.contains { $0.key == sandbox.bootstrap.key && $0.name == "ci-bootstrap" })
            #expect(state.consumers.contains { $0.name == "Conexiones API Fracttal Imè" && $0.grantType == .authorizationCode && $0.hub })
            #expect(state.catalog.codes.count == 53)
            #expect(state.catalog.contains(PermissionCode(module: "work_orders", action: "create")))
            #expect(!state.catalog.contains(PermissionCode(module: "reports", action: "edit")))

            let metrics = sandbox.client.metrics
            #expect(metrics.requests == [.token: 1, .list: 3])
            #expect(sandbox.server.requestCount == 3)
        }
    }

    /// The plan of a large company: 1 token + 1 catalog + 100 consumer pages + 10 group pages.
    @Test func aFullReadOfTenThousandConsumersCostsExactlyOneHundredTwelveRequests() async throws {
        let path = SandboxLauncher.temporaryStorePath()
        defer { SandboxLauncher.removeStore(at: path) }
        try BulkStore.make(at: path, groups: 1_000, consumers: 10_000)

        try await SandboxHarness.with(SandboxConfiguration(dataPath: path)) { sandbox in
            let state = try await sandbox.client.readLiveState()

            #expect(state.groups.count == 1_000)
            #expect(state.consumers.count == 10_000)
            #expect(Set(state.consumers.map(\.key)).count == 10_000)
            #expect(state.groups.map(\.id) == state.groups.map(\.id).sorted())
            #expect(state.consumers.contains { $0.key == sandbox.bootstrap.key })
            let metrics = sandbox.client.metrics
            #expect(metrics.requests == [.token: 1, .list: 1 + 100 + 10])
            #expect(metrics.totalRequests == 1 + 1 + 100 + 10)
            #expect(sandbox.server.requestCount == 1 + 100 + 10)
            #expect(metrics.retries == 0 && metrics.rateLimitedResponses == 0 && metrics.rateLimitWaits == 0)
        }
    }
}
