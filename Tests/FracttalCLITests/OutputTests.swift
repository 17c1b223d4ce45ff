import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// What goes where: colour only on a terminal and never with `NO_COLOR` set to a value (an empty one
/// does not count, as no-color.org says) or `--no-color`; apply's
/// progress on standard error; the secret the tool signs in with nowhere.
struct OutputTests {
    @Test(arguments: [
        ([String](), [String: String](), true),
        (["--no-color"], [:], false),
        ([], ["NO_COLOR": "1"], false),
        ([], ["NO_COLOR": ""], true),
        (["--no-color"], ["NO_COLOR": ""], false),
    ])
    func planIsColouredOnlyOnATerminalWithoutNoColor(_ example: (flags: [String], extra: [String: String], coloured: Bool)) async throws {
        let (flags, extra, coloured) = example
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newObjects, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let environment = server.targetEnvironment.merging(extra) { _, new in new }

                let result = await InProcessFracttal.run(
                    ["plan", "config"] + flags, in: folder, environment: environment, terminal: .all)

                #expect(result.status == 0, "\(result)")
                #expect(result.stdout.contains("\u{1B}[") == coloured, "\(result)")
            }
        }
    }

    @Test func planIsNotColouredWhenStandardOutputIsNoTerminal() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newObjects, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let result = await InProcessFracttal.run(
                    ["plan", "config"], in: folder, environment: server.targetEnvironment, terminal: [.error, .input])

                #expect(result.status == 0, "\(result)")
                #expect(!result.stdout.contains("\u{1B}["), "\(result)")
            }
        }
    }

    @Test func applyProgressGoesToStandardErrorAsPlainLinesInALog() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newGroup, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let result = await InProcessFracttal.run(
                    ["apply", "config", "--auto-approve"], in: folder, environment: server.targetEnvironment)

                #expect(result.status == 0, "\(result)")
                #expect(result.stderr.contains("Step 1: 1 action(s)\n"), "\(result)")
                #expect(result.stderr.contains(#"group["Integraciones"] create: done ("#), "\(result)")
                #expect(!result.stderr.contains("\u{1B}["), "no live line in a log: \(result)")
                #expect(!result.stdout.contains("Step 1"), "\(result)")
                #expect(result.stdout.contains("Apply complete"), "\(result)")
            }
        }
    }

    @Test func applyProgressIsALiveLineOnATerminal() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newGroup, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let result = await InProcessFracttal.run(
                    ["apply", "config", "--auto-approve"], in: folder, environment: server.targetEnvironment, terminal: .error)

                #expect(result.status == 0, "\(result)")
                #expect(result.stderr.contains("\r\u{1B}[2KStep 1: 1/1 done"), "\(result)")
                #expect(!result.stdout.contains("Step 1"), "\(result)")
            }
        }
    }

    @Test func applyAsksForYesOnATerminalAndStopsOnAnythingElse() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newGroup, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let refused = await InProcessFracttal.run(
                    ["apply", "config"], in: folder, environment: server.targetEnvironment, terminal: .all, input: ["no"])
                #expect(refused.status == 1, "\(refused)")
                #expect(refused.stderr.contains("Only 'yes' will be accepted"), "\(refused)")
                #expect(refused.stderr.contains(" [FRC414]"), "\(refused)")

                let accepted = await InProcessFracttal.run(
                    ["apply", "config"], in: folder, environment: server.targetEnvironment, terminal: .all, input: ["yes"])
                #expect(accepted.status == 0, "\(accepted)")

                let again = await InProcessFracttal.run(
                    ["plan", "config", "--detailed-exitcode"], in: folder, environment: server.targetEnvironment)
                #expect(again.status == 0, "the group was created: \(again)")
            }
        }
    }

    /// A group whose description comes from `GROUP_DESCRIPTION`, so a test can put the tool's secret in it.
    static let groupDescribedByTheEnvironment = """
        version: 1
        permission_groups:
          - name: Integraciones
            description: ${env:GROUP_DESCRIPTION}
            permissions: [assets:view]
        """

    @Test func theSecretTheToolSignsInWithIsReplacedWhereverItWouldAppear() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(Self.groupDescribedByTheEnvironment, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let secret = server.bootstrapCredentials.secret
                var environment = server.targetEnvironment
                environment["GROUP_DESCRIPTION"] = "copied \(secret) here"

                let result = await InProcessFracttal.run(
                    ["plan", "config", "--out", "plan.json"], in: folder, environment: environment)

                #expect(result.status == 0, "\(result)")
                #expect(result.stdout.contains("copied *** here"), "\(result)")
                #expect(result.stderr.contains("warning: the value of FRACTTAL_CLIENT_SECRET appeared"), "\(result)")
                #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
                let saved = try folder.read("plan.json")
                #expect(!saved.contains(secret))
            }
        }
    }

    @Test func anExportOfLiveTextHoldingTheSecretIsRedactedToo() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(Self.groupDescribedByTheEnvironment, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let secret = server.bootstrapCredentials.secret
                var environment = server.targetEnvironment
                environment["GROUP_DESCRIPTION"] = "copied \(secret) here"
                let applied = await InProcessFracttal.run(["apply", "config", "--auto-approve"], in: folder, environment: environment)
                #expect(applied.status == 0, "\(applied)")

                let exported = await InProcessFracttal.run(["export", "--out", "exported"], in: folder, environment: environment)

                #expect(exported.status == 0, "\(exported)")
                let files = try FileManager.default.contentsOfDirectory(atPath: folder.path("exported"))
                let texts = try files.map { try folder.read("exported/" + $0) }
                #expect(texts.contains { $0.contains("copied *** here") })
                #expect(!texts.contains { $0.contains(secret) })
                #expect(!exported.stdout.contains(secret) && !exported.stderr.contains(secret))
            }
        }
    }
}
