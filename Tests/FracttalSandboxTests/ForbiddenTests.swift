import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
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

    @Test func aConsumerMovedToAnotherGroupHasThatGroupsPermissionsAtItsNextCall() async throws {
        try await TestSandbox.with { sandbox in
            let limited = try await Permissions.consumer(in: sandbox, withPermissions: ["assets:view"])
            #expect(try await sandbox.call(.GET, "/groups_permissions/", token: limited.token).status == 403)
            let admin = try await sandbox.token()
            let live = try await sandbox.call(.GET, "/oauth_consumers/?start=0&limit=100", token: admin)
            let entry = try #require(live.items.first { $0["key"] as? String == limited.key })
            let moved = try await sandbox.call(
                .PUT, "/oauth_consumers/\(limited.key)", token: admin,
                json: Fixtures.replacement(of: entry, changing: ["id_group_permission": Fixtures.seededGroupIDs.automation])
            )
            try #require(moved.status == 200)
            #expect(try await sandbox.call(.GET, "/groups_permissions/", token: limited.token).status == 200)
            let back = try await sandbox.call(
                .PUT, "/oauth_consumers/\(limited.key)", token: admin,
                json: Fixtures.replacement(of: entry, changing: ["id_group_permission": limited.group])
            )
            try #require(back.status == 200)
            #expect(try await sandbox.call(.GET, "/groups_permissions/", token: limited.token).status == 403)
        }
    }

    @Test func aDeletedGroupIsUnknownToTheNextConsumerCreate() async throws {
        try await TestSandbox.with { sandbox in
            let admin = try await sandbox.token()
            let group = try await sandbox.call(.POST, "/groups_permissions/", token: admin, json: Fixtures.group("short-lived"))
            let id = try #require(group.data["id"] as? Int)
            // Refused for its grant type alone: the group was found.
            let refused = try await sandbox.call(
                .POST, "/oauth_consumers/", token: admin, json: Fixtures.consumer("first", group: id, grantType: "password")
            )
            try #require(refused.status == 400)
            #expect(refused.errorFields == ["grant_type"])
            try #require(try await sandbox.call(.DELETE, "/groups_permissions/\(id)", token: admin).status == 200)
            let second = try await sandbox.call(.POST, "/oauth_consumers/", token: admin, json: Fixtures.consumer("second", group: id))
            #expect(second.status == 400)
            #expect(second.errorFields == ["id_group_permission"])
        }
    }
}
