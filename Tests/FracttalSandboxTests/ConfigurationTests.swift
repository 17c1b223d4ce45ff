import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

struct ConfigurationTests {
    @Test func parsesRateLimits() throws {
        #expect(try SandboxConfiguration.parseRateLimit("200/60") == RateLimit(count: 200, windowSeconds: 60))
        #expect(try SandboxConfiguration.parseRateLimit("5/1") == RateLimit(count: 5, windowSeconds: 1))
    }

    @Test(arguments: ["200", "0/60", "5/0", "a/b", "5/60/2", ""])
    func refusesBadRateLimits(_ text: String) throws {
        #expect(throws: SandboxConfigurationError.self) { try SandboxConfiguration.parseRateLimit(text) }
    }

    @Test func parsesFaultDelays() throws {
        #expect(try SandboxConfiguration.parseFaultDelay("0") == 0)
        #expect(try SandboxConfiguration.parseFaultDelay("4000") == 4000)
        #expect(SandboxConfiguration().faultDelayMilliseconds == 4000)
    }

    @Test(arguments: ["-1", "1.5", "4s", "", "abc"])
    func refusesBadFaultDelays(_ text: String) throws {
        let error = #expect(throws: SandboxConfigurationError.self) { try SandboxConfiguration.parseFaultDelay(text) }
        #expect(error?.message.contains("--fault-delay") == true)
    }

    @Test func startRefusesANegativeFaultDelay() async throws {
        await #expect(throws: SandboxConfigurationError.self) {
            let server = try await SandboxServer.start(SandboxConfiguration(faultDelayMilliseconds: -1))
            await server.stop()
        }
    }

    @Test func credentialsNeverShowTheSecret() {
        let credentials = SandboxCredentials(key: "KEY123", secret: "not-a-real-secret-value")
        #expect(!String(describing: credentials).contains("not-a-real"))
        #expect(!String(reflecting: credentials).contains("not-a-real"))
        #expect(String(describing: credentials).contains("KEY123"))
    }

    @Test func credentialsFilesAreWrittenPrivately() async throws {
        try await TemporaryFolder.with(prefix: "fracttal-sandbox-tests") { folder in
            let path = folder.path("credentials.json")
            let credentials = SandboxCredentials(key: "KEY123", secret: "not-a-real-secret-value")
            try credentials.writeJSON(to: path)
            try credentials.writeJSON(to: path)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: String]
            #expect(object?["key"] == "KEY123")
            #expect(object?["secret"] == credentials.secret)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["credentials.json"])
        }
    }

    @Test func startingOnABusyPortFailsClearly() async throws {
        try await TestSandbox.with { sandbox in
            await #expect(throws: SandboxConfigurationError.self) {
                let second = try await SandboxServer.start(SandboxConfiguration(port: sandbox.server.port))
                await second.stop()
            }
        }
    }

    @Test func theServerCountsAPIRequests() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            _ = try await sandbox.call(.GET, "/permissions/", token: token)
            _ = try await sandbox.call(.GET, "/permissions/", token: nil)
            #expect(sandbox.server.requestCount == 2)
        }
    }
}
