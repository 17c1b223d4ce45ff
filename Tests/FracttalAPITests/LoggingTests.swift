import FracttalAPI
import FracttalModel
import FracttalSandbox
import Testing

@Suite struct LoggingTests {
    @Test func logsNameRequestsButNeverASecretOrAToken() async throws {
        let capture = LogCapture()
        try await SandboxHarness.with(logger: capture.logger()) { sandbox in
            let client = sandbox.client
            let live = try await client.readLiveState()
            let token = try await client.currentTokenForTest()
            guard case .created(let consumer, let created) = try await client.createConsumer(
                ConsumerFields(name: "logged", description: nil, grantType: .clientCredentials, permissionGroup: live.groups[0].id, redirectURI: nil, hub: false),
                knownKeys: Set(live.consumers.map(\.key))
            ) else {
                Issue.record("expected a plain creation")
                return
            }
            let rotated = try await client.rotateSecret(key: consumer.key)
            #expect(try await client.verifyCredentials(ClientCredentials(key: consumer.key, secret: rotated.credentials.secret)))
            _ = try? await client.deleteGroup(id: 999_999)

            let log = capture.text
            #expect(log.contains("GET /api/oauth_consumers/?start=0&limit=100 -> 200"))
            #expect(log.contains("POST /api/oauth_consumers/\(consumer.key)/secret -> 200"))
            #expect(log.contains("POST /oauth/token -> 200"))
            #expect(log.contains("attempt=1"))
            #expect(log.contains("duration_ms="))
            for secret in [sandbox.bootstrap.secret, created.secret, rotated.credentials.secret, token] {
                #expect(!log.contains(secret))
            }
            #expect(!log.lowercased().contains("bearer"))
            #expect(!log.lowercased().contains("basic "))
        }
    }
}
