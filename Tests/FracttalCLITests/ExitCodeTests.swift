import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// Exit statuses: 0 on success, 1 on any failure, 2 from `plan --detailed-exitcode` when there are changes.
struct ExitCodeTests {
    @Test func validateAcceptsAGoodConfiguration() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newObjects, to: "config/main.yaml")

            let result = await InProcessFracttal.run(["validate", "config"], in: folder)

            #expect(result.status == 0, "\(result)")
            #expect(result.stdout == "Valid: 1 file(s), 1 group(s), 1 consumer(s).\n", "\(result)")
            #expect(result.stderr.isEmpty, "\(result)")
        }
    }

    @Test func validateRefusesABadConfigurationWithItsPlace() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.broken, to: "bad.yaml")

            let result = await InProcessFracttal.run(["validate", "bad.yaml"], in: folder)

            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains(folder.path("bad.yaml") + ":4:"), "\(result)")
            #expect(result.stderr.contains("client_credential"), "\(result)")
            #expect(!result.stdout.contains("Valid"), "\(result)")
        }
    }

    @Test func validateReadsTheCurrentFolderByDefault() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newObjects, to: "main.yaml")

            let result = await InProcessFracttal.run(["validate"], in: folder)

            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasPrefix("Valid: 1 file(s)"), "\(result)")
        }
    }

    @Test(arguments: [
        (SampleConfigurations.newObjects, ["--detailed-exitcode"], Int32(2)),
        (SampleConfigurations.newObjects, [], Int32(0)),
        (SampleConfigurations.nothing, ["--detailed-exitcode"], Int32(0)),
    ])
    func planExitsWithTheStatusItsFlagsAskFor(_ example: (configuration: String, flags: [String], status: Int32)) async throws {
        let (configuration, flags, status) = example
        try await TemporaryFolder.with { folder in
            try folder.write(configuration, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let result = await InProcessFracttal.run(["plan", "config"] + flags, in: folder, environment: server.targetEnvironment)

                #expect(result.status == status, "\(result)")
                #expect(result.stdout.hasPrefix("Target: \(server.apiBaseURL)\n"), "\(result)")
            }
        }
    }

    @Test func planSavesThePlanThatShowRenders() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newObjects, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let planned = await InProcessFracttal.run(
                    ["plan", "config", "--out", "plan.json"], in: folder, environment: server.targetEnvironment)
                #expect(planned.status == 0, "\(planned)")
                #expect(folder.contains("plan.json"))

                let shown = await InProcessFracttal.run(["show", "plan.json"], in: folder)

                #expect(shown.status == 0, "\(shown)")
                #expect(shown.stdout == planned.stdout)
            }
        }
    }

    @Test func planOfABadConfigurationFailsWithItsDiagnostics() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.broken, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let result = await InProcessFracttal.run(
                    ["plan", "config", "--detailed-exitcode"], in: folder, environment: server.targetEnvironment)

                #expect(result.status == 1, "\(result)")
                #expect(result.stderr.contains(" [FRC405]"), "\(result)")
                #expect(result.stdout.isEmpty, "\(result)")
            }
        }
    }
}
