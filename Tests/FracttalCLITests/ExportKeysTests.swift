import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// `export --with-keys`: every consumer bound by its key, and the files still plan to no change.
struct ExportKeysTests {
    @Test func everyConsumerGetsItsKeyAndThePlanHasNoChanges() async throws {
        try await TemporaryFolder.with { folder in
            try await SandboxLauncher.with { server in
                let exported = await InProcessFracttal.run(
                    ["export", "--out", "keyed", "--with-keys"], in: folder, environment: server.targetEnvironment)
                try #require(exported.status == 0, "\(exported)")
                let consumers = try folder.read("keyed/consumers.yaml")
                let names = consumers.split(separator: "\n").filter { $0.hasPrefix("  - name: ") }
                let keys = consumers.split(separator: "\n").filter { $0.hasPrefix("    key: ") }
                #expect(names.count == 8, "\(consumers)")
                #expect(keys.count == names.count, "\(consumers)")
                #expect(consumers.contains("  - name: consumidor alex\n    permission_group: Default\n    key: NBqgHRjWA7j1KqLITd\n"), "\(consumers)")

                let plan = await InProcessFracttal.run(
                    ["plan", "keyed", "--detailed-exitcode"], in: folder, environment: server.targetEnvironment)
                #expect(plan.status == 0, "\(plan)")
            }
        }
    }

    @Test func withoutTheFlagOnlySharedNamesGetAKey() async throws {
        try await TemporaryFolder.with { folder in
            try await SandboxLauncher.with { server in
                let exported = await InProcessFracttal.run(["export", "--out", "plain"], in: folder, environment: server.targetEnvironment)
                try #require(exported.status == 0, "\(exported)")
                #expect(try !folder.read("plain/consumers.yaml").contains("key:"))
            }
        }
    }
}
