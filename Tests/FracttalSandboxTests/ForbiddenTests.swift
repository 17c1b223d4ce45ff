import Foundation
import FracttalSandbox
import Testing

struct ForbiddenTests {
    @Test(arguments: [
        ("GET", "/groups_permissions/", "security:view"),
        ("POST", "/groups_permissions/", "security:create"),
        ("PUT", "/groups_permissions/1", "security:edit"),
        ("DELETE", "/groups_permissions/1", "security:delete"),
        ("GET", "/oauth_consumers/", "api_connections:view"),
        ("POST", "/oauth_consumers/", "api_connections:create"),
        ("PUT", "/oauth_consumers/AAAAAAAAAAAAAAAAAA", "api_connections:edit"),
        ("DELETE", "/oauth_consumers/AAAAAAAAAAAAAAAAAA", "api_connections:delete"),
        ("POST", "/oauth_consumers/AAAAAAAAAAAAAAAAAA/secret", "api_connections:edit"),
    ])
    func eachCallNeedsItsPermission(_ method: String, _ path: String, _ permission: String) async throws {
        try await TestSandbox.with { sandbox in
            let token = try await Permissions.tokenOfConsumer(in: sandbox, withPermissions: ["assets:view"])
            let body: [String: Any]? = method == "POST" || method == "PUT" ? Fixtures.group("x") : nil
            let reply = try await sandbox.call(try #require(APIMethod(rawValue: method)), path, token: token, json: body)
            #expect(reply.status == 403)
            #expect(reply.message.contains(permission))
            #expect(reply.object["errors"] == nil)
        }
    }

    @Test func permissionsAreReadAtCallTime() async throws {
        try await TestSandbox.with { sandbox in
            let limited = try await Permissions.consumer(in: sandbox, withPermissions: ["assets:view"])
            #expect(try await sandbox.call(.GET, "/groups_permissions/", token: limited.token).status == 403)
            let admin = try await sandbox.token()
            let granted = try await sandbox.call(
                .PUT, "/groups_permissions/\(limited.group)", token: admin,
                json: Fixtures.group("limited", permissions: ["assets:view", "security:view"])
            )
            try #require(granted.status == 200)
            #expect(try await sandbox.call(.GET, "/groups_permissions/", token: limited.token).status == 200)
        }
    }
}
