import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

struct AuthenticationTests {
    @Test(arguments: [nil, "unknown-token-123"])
    func missingOrUnknownTokensGet401(_ token: String?) async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.call(.GET, "/oauth_consumers/", token: token)
            #expect(reply.status == 401)
            #expect(reply.headers["www-authenticate"] == #"Bearer error="invalid_token""#)
            #expect(reply.object["success"] as? Bool == false)
            #expect(reply.object["errors"] == nil)
            #expect(reply.headers["ratelimit-limit"] == "200")
            #expect(reply.headers["ratelimit-remaining"] == "200")
            #expect(reply.headers["ratelimit-reset"] == "60")
        }
    }

    @Test func expiredTokensGet401() async throws {
        let clock = ManualClock()
        try await TestSandbox.with(SandboxConfiguration(tokenTTL: 1, clock: clock)) { sandbox in
            let token = try await sandbox.token()
            #expect(try await sandbox.call(.GET, "/permissions/", token: token).status == 200)
            clock.advance(seconds: 1)
            let reply = try await sandbox.call(.GET, "/permissions/", token: token)
            #expect(reply.status == 401)
            #expect(reply.headers["www-authenticate"] == #"Bearer error="invalid_token""#)
            #expect(try await sandbox.call(.GET, "/permissions/", token: try await sandbox.token()).status == 200)
        }
    }

    @Test func aDeletedConsumersTokensStopWorking() async throws {
        try await TestSandbox.with { sandbox in
            let admin = try await sandbox.token()
            let created = try await sandbox.call(
                .POST, "/oauth_consumers/", token: admin,
                json: Fixtures.consumer("short-lived", group: Fixtures.seededGroupIDs.automation)
            )
            let key = try #require(created.data["key"] as? String)
            let token = try await sandbox.token(
                SandboxCredentials(key: key, secret: try #require(created.data["secret"] as? String))
            )
            #expect(try await sandbox.call(.GET, "/permissions/", token: token).status == 200)
            #expect(try await sandbox.call(.DELETE, "/oauth_consumers/\(key)", token: admin).status == 200)
            #expect(try await sandbox.call(.GET, "/permissions/", token: token).status == 401)
        }
    }

    @Test func everyAPIAnswerCarriesTheRateLimitHeaders() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let replies = [
                try await sandbox.call(.GET, "/groups_permissions/", token: token),
                try await sandbox.call(.POST, "/groups_permissions/", token: token, rawBody: "{"),
                try await sandbox.call(.DELETE, "/groups_permissions/999", token: token),
                try await sandbox.call(.DELETE, "/groups_permissions/1", token: token),
                try await sandbox.call(.GET, "/no/such/path", token: token),
            ]
            #expect(replies.map(\.status) == [200, 400, 404, 409, 404])
            for reply in replies {
                #expect(reply.headers["ratelimit-limit"] != nil)
                #expect(reply.headers["ratelimit-remaining"] != nil)
                #expect(reply.headers["ratelimit-reset"] != nil)
            }
        }
    }
}
