import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

struct ConsumerTests {
    private static let alphanumerics = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    @Test func createAnswers201WithKeyAndSecret() async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.call(
                .POST, "/oauth_consumers/", token: try await sandbox.token(),
                json: Fixtures.consumer("erp-sync", group: 2)
            )
            #expect(reply.status == 201)
            let consumer = reply.data
            let key = try #require(consumer["key"] as? String)
            let secret = try #require(consumer["secret"] as? String)
            #expect(key.count == 18)
            #expect(key.allSatisfy(Self.alphanumerics.contains))
            #expect(secret.count == 32)
            #expect(secret.allSatisfy(Self.alphanumerics.contains))
            #expect(consumer["name"] as? String == "erp-sync")
            #expect(consumer["description"] is NSNull)
            #expect(consumer["grant_type"] as? String == "client_credentials")
            #expect(consumer["id_group_permission"] as? Int == 2)
            #expect(consumer["redirect_uri"] is NSNull)
            #expect(consumer["hub_enabled"] as? Bool == false)
            #expect(Fixtures.isTimestamp(consumer["secret_created_at"]))
            #expect(Fixtures.isTimestamp(consumer["created_at"]))
            #expect(Fixtures.isTimestamp(consumer["updated_at"]))
        }
    }

    @Test func theSeedHoldsTheHelpArticleConsumers() async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.call(.GET, "/oauth_consumers/", token: try await sandbox.token())
            let names = reply.items.compactMap { $0["name"] as? String }
            #expect(
                names == [
                    "PERMISOS DESTINO", "AFJ Permisos destino", "consumidor alex", "Conexiones API Fracttal Imè",
                    "Permisos destino", "consumidorfabian09/05", "Projeto 1212", "ci-bootstrap",
                ]
            )
            let authorizationCode = reply.items.filter { $0["grant_type"] as? String == "authorization_code" }
            #expect(authorizationCode.count == 1)
            #expect((authorizationCode.first?["redirect_uri"] as? String)?.hasPrefix("https://") == true)
            #expect(reply.items.last?["key"] as? String == sandbox.bootstrap.key)
        }
    }

    @Test func secretsNeverAppearOutsideCreateAndRotate() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let created = try await sandbox.call(.POST, "/oauth_consumers/", token: token, json: Fixtures.consumer("x", group: 2))
            let key = try #require(created.data["key"] as? String)
            let secret = try #require(created.data["secret"] as? String)
            let listed = try await sandbox.call(.GET, "/oauth_consumers/", token: token)
            #expect(listed.items.allSatisfy { $0["secret"] == nil })
            let listedText = listed.text
            #expect(!listedText.contains(secret))
            #expect(!listedText.contains(sandbox.bootstrap.secret))
            let replaced = try await sandbox.call(
                .PUT, "/oauth_consumers/\(key)", token: token, json: Fixtures.replacement(of: created.data)
            )
            #expect(replaced.status == 200)
            #expect(replaced.data["secret"] == nil)
            let deleted = try await sandbox.call(.DELETE, "/oauth_consumers/\(key)", token: token)
            #expect(deleted.status == 200)
            #expect(deleted.data["secret"] == nil)
        }
    }

    @Test func optionalCreateFieldsTakeTheirDefaultsOrValues() async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.call(
                .POST, "/oauth_consumers/", token: try await sandbox.token(),
                json: Fixtures.consumer(
                    "hub", group: 1, grantType: "authorization_code", redirectURI: "http://127.0.0.1:8080/cb",
                    description: "Middleware", hubEnabled: true
                )
            )
            #expect(reply.status == 201)
            #expect(reply.data["description"] as? String == "Middleware")
            #expect(reply.data["redirect_uri"] as? String == "http://127.0.0.1:8080/cb")
            #expect(reply.data["hub_enabled"] as? Bool == true)
        }
    }

    @Test(arguments: [
        ("authorization_code", nil as String?, true),
        ("authorization_code", "http://example.com/cb", true),
        ("authorization_code", "ftp://example.com/cb", true),
        ("authorization_code", "https://example.com/cb#frag", true),
        ("authorization_code", "not a url", true),
        ("authorization_code", "https://example.com/cb", false),
        ("authorization_code", "http://localhost:3000/cb", false),
        ("authorization_code", "http://[::1]:3000/cb", false),
        ("client_credentials", "https://example.com/cb", true),
        ("client_credentials", nil, false),
    ])
    func redirectURIRules(_ grantType: String, _ redirectURI: String?, _ refused: Bool) async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.call(
                .POST, "/oauth_consumers/", token: try await sandbox.token(),
                json: Fixtures.consumer("c", group: 1, grantType: grantType, redirectURI: redirectURI)
            )
            #expect(reply.status == (refused ? 400 : 201))
            #expect(reply.errorFields == (refused ? ["redirect_uri"] : []))
        }
    }

    @Test func createChecksEveryField() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let reply = try await sandbox.call(
                .POST, "/oauth_consumers/", token: token,
                json: ["name": " x", "grant_type": "password", "id_group_permission": 999, "hub_enabled": "yes", "secret": "abc"]
                    as [String: Any]
            )
            #expect(reply.status == 400)
            #expect(reply.errorFields == ["name", "grant_type", "id_group_permission", "hub_enabled", "secret"])
            let missing = try await sandbox.call(.POST, "/oauth_consumers/", token: token, json: [String: Any]())
            #expect(missing.errorFields == ["name", "grant_type", "id_group_permission"])
            #expect(try await sandbox.call(.GET, "/oauth_consumers/", token: token).total == 8)
        }
    }

    @Test func namesAreNotUniqueAndKeepTheirCase() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            for name in ["consumidor alex", "CONSUMIDOR ALEX"] {
                let reply = try await sandbox.call(.POST, "/oauth_consumers/", token: token, json: Fixtures.consumer(name, group: 1))
                #expect(reply.status == 201)
                #expect(reply.data["name"] as? String == name)
            }
        }
    }

    @Test func replaceIsAWholeReplacement() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let created = try await sandbox.call(
                .POST, "/oauth_consumers/", token: token,
                json: Fixtures.consumer("erp", group: 1, description: "old", hubEnabled: true)
            )
            let key = try #require(created.data["key"] as? String)
            let body = Fixtures.replacement(
                of: created.data,
                changing: ["name": "erp-sync", "description": NSNull(), "id_group_permission": 2, "hub_enabled": false]
            )
            let reply = try await sandbox.call(.PUT, "/oauth_consumers/\(key)", token: token, json: body)
            #expect(reply.status == 200)
            #expect(reply.data["key"] as? String == key)
            #expect(reply.data["name"] as? String == "erp-sync")
            #expect(reply.data["description"] is NSNull)
            #expect(reply.data["id_group_permission"] as? Int == 2)
            #expect(reply.data["hub_enabled"] as? Bool == false)
            #expect(reply.data["secret_created_at"] as? String == created.data["secret_created_at"] as? String)
        }
    }

    @Test func replaceNeedsEveryField() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let created = try await sandbox.call(.POST, "/oauth_consumers/", token: token, json: Fixtures.consumer("erp", group: 1))
            let key = try #require(created.data["key"] as? String)
            let reply = try await sandbox.call(.PUT, "/oauth_consumers/\(key)", token: token, json: ["name": "erp"])
            #expect(reply.status == 400)
            #expect(reply.errorFields == ["description", "id_group_permission", "redirect_uri", "hub_enabled"])
        }
    }

    @Test func theGrantTypeCannotChange() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let created = try await sandbox.call(.POST, "/oauth_consumers/", token: token, json: Fixtures.consumer("erp", group: 1))
            let key = try #require(created.data["key"] as? String)
            let same = Fixtures.replacement(of: created.data, changing: ["grant_type": "client_credentials"])
            #expect(try await sandbox.call(.PUT, "/oauth_consumers/\(key)", token: token, json: same).status == 200)
            let other = Fixtures.replacement(
                of: created.data,
                changing: ["grant_type": "authorization_code", "redirect_uri": "https://example.com/cb"]
            )
            let reply = try await sandbox.call(.PUT, "/oauth_consumers/\(key)", token: token, json: other)
            #expect(reply.status == 400)
            #expect(reply.errorFields.contains("grant_type"))
        }
    }

    @Test func replacingOntoAnUnknownGroupIs400() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let created = try await sandbox.call(.POST, "/oauth_consumers/", token: token, json: Fixtures.consumer("erp", group: 1))
            let key = try #require(created.data["key"] as? String)
            let body = Fixtures.replacement(of: created.data, changing: ["id_group_permission": 4242])
            let reply = try await sandbox.call(.PUT, "/oauth_consumers/\(key)", token: token, json: body)
            #expect(reply.status == 400)
            #expect(reply.errorFields == ["id_group_permission"])
        }
    }

    @Test func unknownKeysAre404() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let key = "AAAAAAAAAAAAAAAAAA"
            let body = ["name": "x", "description": NSNull(), "id_group_permission": 1, "redirect_uri": NSNull(), "hub_enabled": false]
                as [String: Any]
            #expect(try await sandbox.call(.PUT, "/oauth_consumers/\(key)", token: token, json: body).status == 404)
            #expect(try await sandbox.call(.DELETE, "/oauth_consumers/\(key)", token: token).status == 404)
            #expect(try await sandbox.call(.POST, "/oauth_consumers/\(key)/secret", token: token).status == 404)
        }
    }

    @Test func deletedConsumersAreGone() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let created = try await sandbox.call(.POST, "/oauth_consumers/", token: token, json: Fixtures.consumer("erp", group: 1))
            let key = try #require(created.data["key"] as? String)
            #expect(try await sandbox.call(.DELETE, "/oauth_consumers/\(key)", token: token).status == 200)
            let listed = try await sandbox.call(.GET, "/oauth_consumers/", token: token)
            #expect(!listed.items.contains { $0["key"] as? String == key })
            #expect(try await sandbox.call(.DELETE, "/oauth_consumers/\(key)", token: token).status == 404)
        }
    }

    @Test func rotationReplacesTheSecretForNewTokensOnly() async throws {
        let clock = ManualClock()
        try await TestSandbox.with(SandboxConfiguration(clock: clock)) { sandbox in
            let admin = try await sandbox.token()
            let created = try await sandbox.call(
                .POST, "/oauth_consumers/", token: admin, json: Fixtures.consumer("rotating", group: 3)
            )
            let key = try #require(created.data["key"] as? String)
            let oldCredentials = SandboxCredentials(key: key, secret: try #require(created.data["secret"] as? String))
            let oldToken = try await sandbox.token(oldCredentials)
            clock.advance(seconds: 30)

            let rotated = try await sandbox.call(.POST, "/oauth_consumers/\(key)/secret", token: admin)
            #expect(rotated.status == 200)
            let newCredentials = SandboxCredentials(key: key, secret: try #require(rotated.data["secret"] as? String))
            let sameSecret = newCredentials.secret == oldCredentials.secret
            #expect(!sameSecret)
            #expect(rotated.data["secret_created_at"] as? String != created.data["secret_created_at"] as? String)
            #expect(Fixtures.isTimestamp(rotated.data["secret_created_at"]))

            let withOld = try await sandbox.requestToken(authorization: TestSandbox.basic(oldCredentials))
            #expect(withOld.status == 401)
            let newToken = try await sandbox.token(newCredentials)
            #expect(try await sandbox.call(.GET, "/oauth_consumers/", token: newToken).status == 200)
            #expect(try await sandbox.call(.GET, "/oauth_consumers/", token: oldToken).status == 200)
        }
    }
}
