import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// The `$schema` comment of exported files names a schema an editor can open: a file written beside them.
struct ExportSchemaTests {
    @Test func exportedFilesNameTheSchemaWrittenBesideThem() async throws {
        try await TemporaryFolder.with { folder in
            try await SandboxLauncher.with { server in
                let exported = await InProcessFracttal.run(["export", "--out", "exported"], in: folder, environment: server.targetEnvironment)
                try #require(exported.status == 0, "\(exported)")
                let schema = await InProcessFracttal.run(["schema"])
                try #require(schema.status == 0, "\(schema)")

                for file in ["settings.yaml", "permission_groups.yaml", "consumers.yaml"] {
                    let firstLine = try folder.read("exported/\(file)").split(separator: "\n").first.map(String.init) ?? ""
                    let prefix = "# yaml-language-server: $schema="
                    try #require(firstLine.hasPrefix(prefix), "\(file): \(firstLine)")
                    let reference = String(firstLine.dropFirst(prefix.count))
                    #expect(!reference.contains("://"), "\(file) names a file, not a host: \(reference)")
                    let schemaPath = URL(fileURLWithPath: folder.path("exported")).appendingPathComponent(reference).path
                    #expect(FileManager.default.fileExists(atPath: schemaPath), "\(file) names \(reference), which is not there")
                    let written = try? String(contentsOfFile: schemaPath, encoding: .utf8)
                    #expect(written == schema.stdout, "the schema beside the files is the one `fracttal schema` prints")
                }
                #expect(exported.stdout.contains("exported/fracttal.schema.json"), "\(exported)")
            }
        }
    }
}
