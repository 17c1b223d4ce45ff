import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// Usage errors: the argument parser's own message on standard error, exit status 1, nothing on standard output.
struct ParsingTests {
    @Test(arguments: [
        (["plan", "--no-such-flag"], "Unknown option '--no-such-flag'"),
        (["apply", "--parallelism", "0"], "--parallelism must be between 1 and 64."),
        (["apply", "--parallelism", "65"], "--parallelism must be between 1 and 64."),
        (["apply", "--parallelism", "many"], "The value 'many' is invalid for '--parallelism <parallelism>'"),
        (["plan", "--format", "yaml"], "The value 'yaml' is invalid for '--format <format>'"),
        (["show", "plan.json", "--format", "html"], "The value 'html' is invalid for '--format <format>'"),
        (["validate", "--format", "xml"], "The value 'xml' is invalid for '--format <format>'"),
        (["apply", "--secrets-format", "yaml"], "The value 'yaml' is invalid for '--secrets-format <secrets-format>'"),
        (["show"], "Missing expected argument '<file>'"),
        (["apply", "config", "--plan", "plan.json"], "a saved plan carries its own configuration; drop PATH or --plan"),
        (["apply", "--plan", "plan.json", "a.yaml", "b.yaml"], "a saved plan carries its own configuration; drop PATH or --plan"),
        (["no-such-command"], "Unexpected argument 'no-such-command'"),
    ])
    func refusesBadArgumentsWithExitStatusOne(_ arguments: [String], _ message: String) async {
        let result = await InProcessFracttal.run(arguments)

        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("Error: \(message)"), "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }

    @Test(arguments: [["validate", "config", "--no-color"], ["export", "--out", "exported", "--no-color"]])
    func noColorIsAcceptedByTheCommandsThatHadNoColourYet(_ arguments: [String]) async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newObjects, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let result = await InProcessFracttal.run(arguments, in: folder, environment: server.targetEnvironment)

                #expect(result.status == 0, "\(result)")
                #expect(!result.stdout.contains("\u{1B}["), "\(result)")
            }
        }
    }

    @Test func applyWithAPathAndASavedPlanChangesNothing() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newGroup, to: "config/main.yaml")
            let saved = await InProcessFracttal.run(["plan", "config", "--out", "plan.json"], in: folder)
            try #require(saved.status == 0, "\(saved)")
            try folder.write(SampleConfigurations.nothing, to: "other/main.yaml")

            let result = await InProcessFracttal.run(
                ["apply", "other", "--plan", "plan.json", "--auto-approve"], in: folder)

            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("drop PATH or --plan"), "\(result)")
            let again = await InProcessFracttal.run(["plan", "config", "--detailed-exitcode"], in: folder)
            #expect(again.status == 2, "the group is still to be created: \(again)")
        }
    }

    @Test func aBadArgumentStopsBeforeAnyTargetIsOpened() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newObjects, to: "config/main.yaml")

            let result = await InProcessFracttal.run(["plan", "config", "--format", "yaml"], in: folder)

            #expect(result.status == 1, "\(result)")
            #expect(!folder.contains(".fracttal"), "the embedded sandbox was not started")
        }
    }
}
