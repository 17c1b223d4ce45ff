import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// The planner's warnings reach every format of `plan`, not only standard error.
struct PlanWarningsOutputTests {
    /// A protect entry that matches nothing: warning FRC210 at line 4, column 18.
    static let configuration = """
        version: 1
        settings:
          protect:
            consumers: [ghost]
        permission_groups:
          - name: Integraciones
            permissions: [assets:view]
        """

    @Test(arguments: ["text", "markdown", "json", "github"])
    func eachFormatShowsTheWarning(_ format: String) async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(Self.configuration, to: "config/main.yaml")
            // An in-process run names files inside its working folder; the binary names them as given.
            let file = folder.path + "/config/main.yaml"
            try await SandboxLauncher.with { server in
                let result = await InProcessFracttal.run(
                    ["plan", "config", "--format", format], in: folder, environment: server.targetEnvironment)

                #expect(result.status == 0, "\(result)")
                #expect(result.stderr.contains("config/main.yaml:4:17: warning: "), "\(result)")
                switch format {
                case "json":
                    let plan = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
                    let all = try #require(plan?["warnings"] as? [[String: Any]])
                    let warnings = all.filter { $0["severity"] as? String == "warning" }
                    #expect(warnings.count == 1)
                    #expect(warnings.first?["code"] as? String == "FRC210")
                    #expect(warnings.first?["severity"] as? String == "warning")
                    #expect(warnings.first?["file"] as? String == file)
                    #expect(warnings.first?["line"] as? Int == 4)
                    #expect(warnings.first?["column"] as? Int == 17)
                    #expect(plan?["notes"] is [Any])
                case "markdown":
                    #expect(result.stdout.contains("**Warnings**\n\n- <code>\(file):4:17</code>: "), "\(result)")
                    #expect(result.stdout.contains("(FRC210)"), "\(result)")
                case "github":
                    #expect(result.stdout.hasPrefix("Target: "), "\(result)")
                    #expect(!result.stdout.contains("<code>"), "\(result)")
                    #expect(result.stdout.contains("\n::warning file=\(file),line=4,col=17::"), "\(result)")
                    #expect(result.stdout.contains("[FRC210]\n"), "\(result)")
                default:
                    #expect(result.stdout.contains("Warnings:\n  - \(file):4:17: warning: "), "\(result)")
                }
            }
        }
    }

    @Test func githubAnnotatesTheErrorsOfAPlanThatCannotBeMade() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.broken, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let result = await InProcessFracttal.run(
                    ["plan", "config", "--format", "github"], in: folder, environment: server.targetEnvironment)

                #expect(result.status == 1, "\(result)")
                #expect(result.stdout.contains("::error file=\(folder.path)/config/main.yaml,line="), "\(result)")
            }
        }
    }
}
