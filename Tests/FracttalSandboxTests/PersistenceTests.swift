import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

struct PersistenceTests {
    @Test func theCompanyOutlivesARestartAndTheBootstrapSecretRotates() async throws {
        try await TemporaryFolder.with(prefix: "fracttal-sandbox-tests") { folder in
            let path = folder.path("nested/sandbox.sqlite")
            let configuration = SandboxConfiguration(dataPath: path)
            let (first, consumerKey) = try await TestSandbox.with(configuration) { sandbox in
                let token = try await sandbox.token()
                let group = try await sandbox.call(.POST, "/groups_permissions/", token: token, json: Fixtures.group("kept"))
                let groupID = try #require(group.data["id"] as? Int)
                let consumer = try await sandbox.call(
                    .POST, "/oauth_consumers/", token: token, json: Fixtures.consumer("kept consumer", group: groupID)
                )
                return (sandbox.bootstrap, try #require(consumer.data["key"] as? String))
            }
            try await TestSandbox.with(configuration) { sandbox in
                #expect(sandbox.bootstrap.key == first.key)
                let sameSecret = sandbox.bootstrap.secret == first.secret
                #expect(!sameSecret)
                let old = try await sandbox.requestToken(authorization: TestSandbox.basic(first))
                #expect(old.status == 401)
                let token = try await sandbox.token()
                let groups = try await sandbox.call(.GET, "/groups_permissions/", token: token)
                #expect(groups.items.last?["name"] as? String == "kept")
                let consumers = try await sandbox.call(.GET, "/oauth_consumers/", token: token)
                #expect(consumers.items.last?["key"] as? String == consumerKey)
                #expect(consumers.total == 9)
            }
        }
    }

    @Test func inMemorySandboxesStartFromTheSeed() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            _ = try await sandbox.call(.POST, "/groups_permissions/", token: token, json: Fixtures.group("gone"))
        }
        try await TestSandbox.with { sandbox in
            let groups = try await sandbox.call(.GET, "/groups_permissions/", token: try await sandbox.token())
            #expect(groups.total == 3)
        }
    }
}
