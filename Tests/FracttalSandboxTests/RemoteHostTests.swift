import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

/// The sandbox listens on loopback only, unless `--allow-remote` says otherwise.
struct RemoteHostTests {
    @Test(arguments: ["127.0.0.1", "127.8.9.10", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "localhost", "LOCALHOST"])
    func loopbackHostsNeedNoPermission(_ host: String) {
        #expect(SandboxConfiguration(host: host).remoteExposureWarning == nil)
    }

    @Test(arguments: ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "fe80::1", "example.com", "128.0.0.1", ""])
    func otherHostsAreRefusedNamingAllowRemote(_ host: String) async throws {
        let error = await #expect(throws: SandboxConfigurationError.self) {
            let server = try await SandboxServer.start(SandboxConfiguration(host: host))
            await server.stop()
        }
        #expect(error?.message.contains("--allow-remote") == true)
        #expect(error?.message.contains("loopback") == true)
        #expect(error?.message.contains("\n") == false)
    }

    @Test func allowRemoteWarnsWhatItExposes() throws {
        let warning = try #require(SandboxConfiguration(host: "0.0.0.0", allowRemote: true).remoteExposureWarning)
        #expect(warning.contains("0.0.0.0"))
        #expect(warning.contains("plain-HTTP"))
        #expect(warning.contains("every permission"))
        #expect(SandboxConfiguration(host: "127.0.0.1", allowRemote: true).remoteExposureWarning == nil)
    }

    @Test func allowRemoteStillServesOnLoopback() async throws {
        try await TestSandbox.with(SandboxConfiguration(host: "127.0.0.1", allowRemote: true)) { sandbox in
            let reply = try await sandbox.call(.GET, "/permissions/", token: try await sandbox.token())
            #expect(reply.status == 200)
        }
    }
}
