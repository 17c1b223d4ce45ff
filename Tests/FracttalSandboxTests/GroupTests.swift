import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

struct GroupTests {
    @Test func createAnswers201WithTheGroup() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let reply = try await sandbox.call(
                .POST, "/groups_permissions/", token: token,
                json: Fixtures.group("Supervisores", permissions: ["work_orders:view", "assets:view"])
            )
            #expect(reply.status == 201)
            #expect(reply.object["success"] as? Bool == true)
            let group = reply.data
            #expect(group["id"] as? Int == 4)
            #expect(group["name"] as? String == "Supervisores")
            #expect(group["description"] is NSNull)
            #expect(Set(group["permissions"] as? [String] ?? []) == ["work_orders:view", "assets:view"])
            #expect(group["is_default"] as? Bool == false)
            #expect(group["accounts_count"] as? Int == 0)
            #expect(Fixtures.isTimestamp(group["created_at"]))
            #expect(Fixtures.isTimestamp(group["updated_at"]))
        }
    }

    @Test func theSeedHoldsThreeGroups() async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.call(.GET, "/groups_permissions/", token: try await sandbox.token())
            #expect(reply.items.compactMap { $0["name"] as? String } == ["Default", "PERMISO 1 TECNICO", "Automation"])
            #expect(reply.items.map { $0["is_default"] as? Bool } == [true, false, false])
            #expect(reply.items[1]["description"] as? String == "Técnicos de campo")
            #expect(reply.items[1]["accounts_count"] as? Int == 3)
            #expect((reply.items[2]["permissions"] as? [String])?.count == 53)
        }
    }

    @Test func namesAreNotUnique() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            for _ in 0..<2 {
                let reply = try await sandbox.call(.POST, "/groups_permissions/", token: token, json: Fixtures.group("PERMISO 1 TECNICO"))
                #expect(reply.status == 201)
            }
            #expect(try await sandbox.call(.GET, "/groups_permissions/", token: token).total == 5)
        }
    }

    @Test func replaceIsAWholeReplacement() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let reply = try await sandbox.call(
                .PUT, "/groups_permissions/2", token: token,
                json: Fixtures.group("Técnicos", description: NSNull(), permissions: ["meters:view"])
            )
            #expect(reply.status == 200)
            #expect(reply.data["name"] as? String == "Técnicos")
            #expect(reply.data["description"] is NSNull)
            #expect(reply.data["permissions"] as? [String] == ["meters:view"])
            #expect(reply.data["accounts_count"] as? Int == 3)
            let listed = try await sandbox.call(.GET, "/groups_permissions/?start=1&limit=1", token: token)
            #expect(listed.items.first?["name"] as? String == "Técnicos")
            #expect(listed.items.first?["permissions"] as? [String] == ["meters:view"])
        }
    }

    @Test func replaceNeedsEveryField() async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.call(
                .PUT, "/groups_permissions/2", token: try await sandbox.token(), json: ["name": "Técnicos"]
            )
            #expect(reply.status == 400)
            #expect(reply.errorFields == ["description", "permissions"])
        }
    }

    @Test(arguments: [
        ("", "name"),
        (" leading", "name"),
        ("trailing\n", "name"),
        ("trailing\u{00A0}", "name"),
        (String(repeating: "ñ", count: 101), "name"),
    ])
    func badNamesAreRefused(_ name: String, _ field: String) async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.call(
                .POST, "/groups_permissions/", token: try await sandbox.token(), json: Fixtures.group(name)
            )
            #expect(reply.status == 400)
            #expect(reply.errorFields == [field])
        }
    }

    @Test(arguments: [
        String(repeating: "ñ", count: 100), "consumidorfabian09/05", "名前 with inner  spaces", "🛠️ taller",
    ])
    func anyUnicodeNameUpTo100CodePointsIsAccepted(_ name: String) async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.call(
                .POST, "/groups_permissions/", token: try await sandbox.token(), json: Fixtures.group(name)
            )
            #expect(reply.status == 201)
            #expect(reply.data["name"] as? String == name)
        }
    }

    @Test func descriptionsHoldAtMost500Characters() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let ok = try await sandbox.call(
                .POST, "/groups_permissions/", token: token,
                json: Fixtures.group("a", description: String(repeating: "é", count: 500))
            )
            #expect(ok.status == 201)
            let tooLong = try await sandbox.call(
                .POST, "/groups_permissions/", token: token,
                json: Fixtures.group("a", description: String(repeating: "é", count: 501))
            )
            #expect(tooLong.status == 400)
            #expect(tooLong.errorFields == ["description"])
        }
    }

    @Test func permissionsMustBeCatalogCodesWithoutRepeats() async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.call(
                .POST, "/groups_permissions/", token: try await sandbox.token(),
                json: Fixtures.group("a", permissions: ["assets:view", "assets:fly", "assets:view", "reports:edit"])
            )
            #expect(reply.status == 400)
            #expect(reply.errorFields == ["permissions[1]", "permissions[2]", "permissions[3]"])
        }
    }

    @Test func everyBrokenRuleIsReportedAtOnce() async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.call(
                .POST, "/groups_permissions/", token: try await sandbox.token(),
                json: ["name": 12, "description": false, "permissions": "assets:view", "colour": "red"] as [String: Any]
            )
            #expect(reply.status == 400)
            #expect(reply.errorFields == ["name", "description", "permissions", "colour"])
            #expect(reply.message.isEmpty == false)
        }
    }

    @Test(arguments: ["{", "[]", "null", "\"text\""])
    func bodiesThatAreNoJSONObjectAre400(_ body: String) async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.call(.POST, "/groups_permissions/", token: try await sandbox.token(), rawBody: body)
            #expect(reply.status == 400)
            #expect(reply.errorFields == ["body"])
        }
    }

    @Test func unknownGroupsAre404() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            #expect(try await sandbox.call(.PUT, "/groups_permissions/999", token: token, json: Fixtures.group("x")).status == 404)
            #expect(try await sandbox.call(.DELETE, "/groups_permissions/999", token: token).status == 404)
            #expect(try await sandbox.call(.DELETE, "/groups_permissions/abc", token: token).status == 404)
        }
    }

    @Test func theDefaultGroupCannotBeDeleted() async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.call(.DELETE, "/groups_permissions/1", token: try await sandbox.token())
            #expect(reply.status == 409)
            #expect(reply.message.localizedCaseInsensitiveContains("default"))
        }
    }

    @Test func aGroupWithAccountsCannotBeDeleted() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let created = try await sandbox.call(.POST, "/groups_permissions/", token: token, json: Fixtures.group("people"))
            let id = try #require(created.data["id"] as? Int)
            try await sandbox.server.setAccountsCount(7, forGroup: Int64(id))
            let reply = try await sandbox.call(.DELETE, "/groups_permissions/\(id)", token: token)
            #expect(reply.status == 409)
            #expect(reply.message.contains("7"))
            let listed = try await sandbox.call(.GET, "/groups_permissions/", token: token)
            #expect(listed.items.last?["accounts_count"] as? Int == 7)
        }
    }

    @Test func aGroupUsedByConsumersCannotBeDeleted() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let created = try await sandbox.call(.POST, "/groups_permissions/", token: token, json: Fixtures.group("api"))
            let id = try #require(created.data["id"] as? Int)
            let consumer = try await sandbox.call(
                .POST, "/oauth_consumers/", token: token, json: Fixtures.consumer("erp-sync", group: id)
            )
            let key = try #require(consumer.data["key"] as? String)
            let reply = try await sandbox.call(.DELETE, "/groups_permissions/\(id)", token: token)
            #expect(reply.status == 409)
            #expect(reply.message.contains("erp-sync"))
            #expect(reply.message.contains(key))
        }
    }

    @Test func anUnusedGroupIsDeleted() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let created = try await sandbox.call(.POST, "/groups_permissions/", token: token, json: Fixtures.group("temporary"))
            let id = try #require(created.data["id"] as? Int)
            let reply = try await sandbox.call(.DELETE, "/groups_permissions/\(id)", token: token)
            #expect(reply.status == 200)
            #expect(reply.data["name"] as? String == "temporary")
            let listed = try await sandbox.call(.GET, "/groups_permissions/", token: token)
            #expect(listed.total == 3)
            #expect(try await sandbox.call(.DELETE, "/groups_permissions/\(id)", token: token).status == 404)
        }
    }
}
