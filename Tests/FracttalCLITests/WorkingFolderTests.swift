import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// Relative paths, the secret store and its lock file, and the embedded sandbox all start from the run's working folder,
/// never from the test process's current folder.
struct WorkingFolderTests {
    @Test func applyWritesSecretsAndTheirLockFileIntoTheWorkingFolder() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newObjects, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let result = await InProcessFracttal.run(
                    ["apply", "config", "--auto-approve", "--secrets-out", "secrets.json"], in: folder,
                    environment: server.targetEnvironment
                )

                #expect(result.status == 0, "\(result)")
                let secrets = try JSONSerialization.jsonObject(with: Data(folder.read("secrets.json").utf8)) as? [String: Any]
                #expect(secrets?.keys.sorted() == ["", "erp-sync"], "\(result)")
                #expect(try folder.mode(of: "secrets.json") == 0o600)
                #expect(folder.contains("secrets.json.lock"))
                #expect(!folder.contains(".fracttal/journal"))
                #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/secrets.json"))
            }
        }
    }

    @Test func exportWritesIntoTheWorkingFolderWhatThenPlansToNoChange() async throws {
        try await TemporaryFolder.with { folder in
            try await SandboxLauncher.with { server in
                let exported = await InProcessFracttal.run(
                    ["export", "--out", "exported"], in: folder, environment: server.targetEnvironment)
                #expect(exported.status == 0, "\(exported)")
                #expect(folder.contains("exported/permission_groups.yaml"), "\(exported)")

                let planned = await InProcessFracttal.run(
                    ["plan", "exported", "--detailed-exitcode"], in: folder, environment: server.targetEnvironment)

                #expect(planned.status == 0, "\(planned)")
            }
        }
    }
}
