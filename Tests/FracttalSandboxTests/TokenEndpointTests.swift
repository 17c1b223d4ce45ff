import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

struct TokenEndpointTests {
    @Test func issuesABearerTokenForClientCredentials() async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.requestToken(authorization: TestSandbox.basic(sandbox.bootstrap))
            #expect(reply.status == 200)
            #expect(reply.object["token_type"] as? String == "Bearer")
            #expect(reply.object["expires_in"] as? Int == 7200)
            #expect((reply.object["access_token"] as? String)?.isEmpty == false)
            #expect(reply.headers["cache-control"] == "no-store")
        }
    }

    @Test func tokenLifetimeFollowsTheConfiguration() async throws {
        try await TestSandbox.with(SandboxConfiguration(tokenTTL: 90)) { sandbox in
            let reply = try await sandbox.requestToken(authorization: TestSandbox.basic(sandbox.bootstrap))
            #expect(reply.object["expires_in"] as? Int == 90)
        }
    }

    @Test func missingGrantTypeIsAnInvalidRequest() async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.requestToken(authorization: TestSandbox.basic(sandbox.bootstrap), body: "scope=x")
            #expect(reply.status == 400)
            #expect(reply.object["error"] as? String == "invalid_request")
        }
    }

    @Test func aJSONBodyIsAnInvalidRequest() async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.requestToken(
                authorization: TestSandbox.basic(sandbox.bootstrap), body: #"{"grant_type":"client_credentials"}"#,
                contentType: "application/json"
            )
            #expect(reply.status == 400)
            #expect(reply.object["error"] as? String == "invalid_request")
        }
    }

    @Test func otherGrantTypesAreUnsupported() async throws {
        try await TestSandbox.with { sandbox in
            let reply = try await sandbox.requestToken(
                authorization: TestSandbox.basic(sandbox.bootstrap), body: "grant_type=password"
            )
            #expect(reply.status == 400)
            #expect(reply.object["error"] as? String == "unsupported_grant_type")
        }
    }

    @Test(arguments: ["wrong secret", "unknown key", "no header", "not basic"])
    func badClientsAreInvalidClients(_ case: String) async throws {
        try await TestSandbox.with { sandbox in
            let key = sandbox.bootstrap.key
            let authorization: String? =
                switch `case` {
                case "wrong secret": TestSandbox.basic(SandboxCredentials(key: key, secret: String(repeating: "a", count: 32)))
                case "unknown key": TestSandbox.basic(SandboxCredentials(key: "AAAAAAAAAAAAAAAAAA", secret: sandbox.bootstrap.secret))
                case "no header": nil
                default: "Bearer something"
                }
            let reply = try await sandbox.requestToken(authorization: authorization)
            #expect(reply.status == 401)
            #expect(reply.object["error"] as? String == "invalid_client")
        }
    }

    @Test func anAuthorizationCodeConsumerCannotUseClientCredentials() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            let created = try await sandbox.call(
                .POST, "/oauth_consumers/", token: token,
                json: Fixtures.consumer(
                    "web app", group: Fixtures.seededGroupIDs.automation, grantType: "authorization_code",
                    redirectURI: "https://app.example.com/callback"
                )
            )
            try #require(created.status == 201)
            let credentials = SandboxCredentials(
                key: try #require(created.data["key"] as? String), secret: try #require(created.data["secret"] as? String)
            )
            let reply = try await sandbox.requestToken(authorization: TestSandbox.basic(credentials))
            #expect(reply.status == 401)
            #expect(reply.object["error"] as? String == "invalid_client")
        }
    }

    @Test func faultsAndTheRateLimitNeverTouchTheTokenEndpoint() async throws {
        let configuration = SandboxConfiguration(
            rateLimit: RateLimit(count: 1, windowSeconds: 60), faults: try FaultPlan.parse("error_before=1")
        )
        try await TestSandbox.with(configuration) { sandbox in
            for _ in 0..<3 {
                let reply = try await sandbox.requestToken(authorization: TestSandbox.basic(sandbox.bootstrap))
                #expect(reply.status == 200)
            }
        }
    }
}
