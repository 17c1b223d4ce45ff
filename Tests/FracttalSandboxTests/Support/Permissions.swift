import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

/// Consumers with chosen permissions, made through the API with the bootstrap consumer.
enum Permissions {
    /// Creates a group holding `permissions` and a consumer in it; returns the consumer's
    /// token, key and the group's id.
    static func consumer(in sandbox: TestSandbox, withPermissions permissions: [String]) async throws
        -> (token: String, key: String, group: Int)
    {
        let admin = try await sandbox.token()
        let group = try await sandbox.call(
            .POST, "/groups_permissions/", token: admin, json: Fixtures.group("limited", permissions: permissions)
        )
        try #require(group.status == 201)
        let groupID = try #require(group.data["id"] as? Int)
        let consumer = try await sandbox.call(
            .POST, "/oauth_consumers/", token: admin, json: Fixtures.consumer("limited consumer", group: groupID)
        )
        try #require(consumer.status == 201)
        let key = try #require(consumer.data["key"] as? String)
        let secret = try #require(consumer.data["secret"] as? String)
        let token = try await sandbox.token(SandboxCredentials(key: key, secret: secret))
        return (token, key, groupID)
    }

    static func tokenOfConsumer(in sandbox: TestSandbox, withPermissions permissions: [String]) async throws -> String {
        try await consumer(in: sandbox, withPermissions: permissions).token
    }
}
