@testable import FracttalAPI
import FracttalModel
import FracttalSandbox
import Testing

/// One change at a time, as the applier makes them.
@Suite struct MutationTests {
    @Test func groupsAreCreatedReplacedAndDeleted() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let live = try await client.readLiveState()
            let fields = GroupFields(name: "Supervisores ✓", description: "Turno noche", permissions: [
                PermissionCode(module: "work_orders", action: "view"), PermissionCode(module: "work_orders", action: "edit"),
            ])
            let creation = try await client.createGroup(fields, knownIDs: Set(live.groups.map(\.id)))
            guard case .created(let group) = creation else {
                Issue.record("expected a plain creation")
                return
            }
            #expect(group.matches(fields) && !group.isDefault && group.accountsCount == 0)

            let replacement = GroupFields(name: "Supervisores", description: nil, permissions: [])
            let replaced = try await client.replaceGroup(id: group.id, with: replacement)
            #expect(replaced.id == group.id && replaced.description == nil && replaced.permissions.isEmpty)

            try await client.deleteGroup(id: group.id)
            #expect(try await client.readLiveState().groups.allSatisfy { $0.id != group.id })
            #expect(client.metrics.requests == [.token: 1, .list: 6, .create: 1, .update: 1, .delete: 1])
        }
    }

    @Test func consumersAreCreatedReplacedRotatedAndDeleted() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let live = try await client.readLiveState()
            let group = try #require(live.groups.first { $0.name == "PERMISO 1 TECNICO" })
            let fields = ConsumerFields(
                name: "erp-sync", description: "ERP", grantType: .authorizationCode, permissionGroup: group.id,
                redirectURI: "https://erp.example.com/callback", hub: true
            )
            guard case .created(let consumer, let first) = try await client.createConsumer(fields, knownKeys: Set(live.consumers.map(\.key))) else {
                Issue.record("expected a plain creation")
                return
            }
            #expect(consumer.matches(fields) && first.key == consumer.key && first.secret.count == 32)

            let changed = ConsumerFields(
                name: "erp-sync", description: nil, grantType: .authorizationCode, permissionGroup: group.id,
                redirectURI: "http://127.0.0.1:8080/callback", hub: false
            )
            let replaced = try await client.replaceConsumer(key: consumer.key, with: changed)
            #expect(replaced.matches(changed) && replaced.key == consumer.key)

            let worker = ConsumerFields(name: "worker", description: nil, grantType: .clientCredentials, permissionGroup: group.id, redirectURI: nil, hub: false)
            guard case .created(let workerConsumer, let old) = try await client.createConsumer(worker, knownKeys: []) else {
                Issue.record("expected a plain creation")
                return
            }
            #expect(try await client.verifyCredentials(ClientCredentials(key: old.key, secret: old.secret)))
            let rotated = try await client.rotateSecret(key: workerConsumer.key)
            #expect(rotated.credentials.key == workerConsumer.key && rotated.credentials.secret != old.secret)
            #expect(rotated.consumer.secretCreatedAt >= workerConsumer.secretCreatedAt)
            #expect(try await client.verifyCredentials(ClientCredentials(key: old.key, secret: rotated.credentials.secret)))
            #expect(try await !client.verifyCredentials(ClientCredentials(key: old.key, secret: old.secret)))

            try await client.deleteConsumer(key: consumer.key)
            try await client.deleteConsumer(key: workerConsumer.key)
            let after = try await client.readLiveState()
            #expect(after.consumers.count == live.consumers.count)
        }
    }

    @Test func aGrantTypeChangeIsRefusedByTheServer() async throws {
        try await SandboxHarness.with { sandbox in
            let live = try await sandbox.client.readLiveState()
            let alex = try #require(live.consumers.first { $0.name == "consumidor alex" })
            let fields = ConsumerFields(
                name: alex.name, description: nil, grantType: .authorizationCode, permissionGroup: alex.permissionGroup,
                redirectURI: "https://example.com/cb", hub: false
            )
            await #expect(throws: FracttalAPIError.self) {
                _ = try await sandbox.client.replaceConsumer(key: alex.key, with: fields)
            }
        }
    }
}
