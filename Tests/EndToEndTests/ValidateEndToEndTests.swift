import Foundation
import FracttalAPI
import FracttalModel
import FracttalSandbox
import FracttalTestSupport
import Testing

/// `fracttal validate` and `fracttal schema` through the built binary; no network.
struct ValidateEndToEndTests {
    @Test func aValidFolderExitsZero() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(SampleConfigurations.newObjects, to: "config/a.yaml")

        let result = try await FracttalProcess.run(["validate", "config"], in: folder.url)

        #expect(result.status == 0, "\(result)")
    }

    @Test func errorsNameTheirPlaceInEveryFormat() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("version: 1\nconsumers:\n  - name: erp\n    permision_group: X\n", to: "bad.yaml")

        let text = try await FracttalProcess.run(["validate", "bad.yaml"], in: folder.url)
        #expect(text.status == 1, "\(text)")
        let textLine = text.stderr.split(separator: "\n").first { $0.hasPrefix("bad.yaml:4:5: error: ") }
        #expect(textLine?.hasSuffix(" [FRC119]") == true, "\(text)")
        #expect(text.stderr.contains("did you mean `permission_group`?"), "\(text)")

        let github = try await FracttalProcess.run(["validate", "--format", "github", "bad.yaml"], in: folder.url)
        #expect(github.status == 1)
        let githubLine = github.stdout.split(separator: "\n").first { $0.hasPrefix("::error file=bad.yaml,line=4,col=5::") }
        #expect(githubLine?.hasSuffix(" [FRC119]") == true, "\(github)")

        let json = try await FracttalProcess.run(["validate", "--format", "json", "bad.yaml"], in: folder.url)
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["valid"] as? Bool == false)
        let unknownKey = (object?["diagnostics"] as? [[String: Any]])?.first { $0["code"] as? String == "FRC119" }
        #expect(unknownKey?["line"] as? Int == 4 && unknownKey?["column"] as? Int == 5, "\(json)")
    }

    /// A configuration that tries to copy the tool's own secret into a description; the `$` is at 4:25.
    static let readsTheClientSecret = """
        version: 1
        permission_groups:
          - name: Integraciones
            description: leaked ${env:FRACTTAL_CLIENT_SECRET}
        """

    @Test func refusesToReadTheClientSecretAndNeverPrintsIt() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(Self.readsTheClientSecret, to: "config/a.yaml")
        let canary = "canary-CLIENT-SECRET-5f1e2d9a"

        for format in ["text", "github", "json"] {
            let result = try await FracttalProcess.run(
                ["validate", "--format", format, "config"], in: folder.url, environment: ["FRACTTAL_CLIENT_SECRET": canary])
            #expect(result.status == 1, "\(format): \(result)")
            #expect(!result.stdout.contains(canary) && !result.stderr.contains(canary), "\(format): \(result)")
            #expect((result.stdout + result.stderr).contains("FRACTTAL_CLIENT_SECRET"), "\(format): \(result)")
            if format == "text" {
                let line = result.stderr.split(separator: "\n").first { $0.hasPrefix("config/a.yaml:4:25: error: ") }
                #expect(line?.hasSuffix(" [FRC151]") == true, "\(result)")
            }
        }
    }

    @Test func badUsageExitsOne() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try await FracttalProcess.run(["plan", "--no-such-flag"], in: folder.url)
        #expect(result.status == 1, "\(result)")
    }

    @Test func schemaPrintsTheCommittedSchema() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let committed = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("schemas/fracttal.schema.json")

        let result = try await FracttalProcess.run(["schema"], in: folder.url)

        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == String(decoding: try Data(contentsOf: committed), as: UTF8.self))
    }
}
