import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// Which company a command talks to: flags over the environment, the embedded sandbox only outside CI,
/// plain http only to a loopback host.
struct TargetResolutionTests {
    @Test func flagsWinOverTheEnvironment() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.nothing, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                var environment = server.targetEnvironment
                environment["FRACTTAL_BASE_URL"] = "https://fracttal.invalid/api"
                environment["FRACTTAL_TOKEN_URL"] = "https://fracttal.invalid/oauth/token"

                let result = await InProcessFracttal.run(
                    ["plan", "config", "--base-url", server.apiBaseURL, "--token-url", server.tokenURL],
                    in: folder, environment: environment
                )

                #expect(result.status == 0, "\(result)")
                #expect(result.stdout.hasPrefix("Target: \(server.apiBaseURL)\n"), "\(result)")
            }
        }
    }

    @Test(arguments: [["plan", "config"], ["apply", "config", "--auto-approve"], ["export", "--out", "exported"]])
    func ciWithoutATargetRefusesTheEmbeddedSandbox(_ arguments: [String]) async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newGroup, to: "config/main.yaml")

            let result = await InProcessFracttal.run(arguments, in: folder, environment: ["CI": "true"])

            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.hasPrefix("error: ") && result.stderr.hasSuffix(" [FRC401]\n"), "\(result)")
            #expect(!folder.contains(".fracttal"), "the embedded sandbox was not started")
            #expect(!folder.contains("exported"), "nothing was exported")
        }
    }

    @Test(arguments: ["false", "0", ""])
    func ciSetToNoUsesTheEmbeddedSandboxInTheWorkingFolder(_ ci: String) async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newGroup, to: "config/main.yaml")

            let result = await InProcessFracttal.run(["plan", "config", "--detailed-exitcode"], in: folder, environment: ["CI": ci])

            #expect(result.status == 2, "\(result)")
            #expect(result.stdout.hasPrefix("Target: sandbox:.fracttal/sandbox.sqlite\n"), "\(result)")
            #expect(folder.contains(".fracttal/sandbox.sqlite"))
        }
    }

    @Test(arguments: ["http://fracttal.example/api", "http://192.0.2.10:8080/api"])
    func plainHTTPToAHostOtherThanLoopbackIsRefused(_ baseURL: String) async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.nothing, to: "config/main.yaml")
            let environment = ["FRACTTAL_CLIENT_ID": "key", "FRACTTAL_CLIENT_SECRET": "secret-that-is-long-enough"]

            let result = await InProcessFracttal.run(
                ["plan", "config", "--base-url", baseURL, "--token-url", "https://fracttal.example/oauth/token"],
                in: folder, environment: environment
            )

            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("uses plain http, which is allowed only for a loopback host"), "\(result)")
            #expect(result.stderr.contains("use an https:// URL"), "\(result)")
        }
    }

    @Test func aRemoteTargetNeedsCredentialsFromTheEnvironment() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.nothing, to: "config/main.yaml")

            let result = await InProcessFracttal.run(
                ["plan", "config", "--base-url", "https://fracttal.example/api"], in: folder)

            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("set FRACTTAL_CLIENT_ID and FRACTTAL_CLIENT_SECRET"), "\(result)")
        }
    }
}
