import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// `plan`/`apply --target`: partial plans, said to be partial in every format, saved with their targets.
struct PartialPlanTests {
    /// The sample group and consumer, and a second consumer the targets leave out.
    static let configuration = SampleConfigurations.newObjects + """

          - name: bi-portal
            permission_group: Default
        """

    static let erpSync = #"consumer["erp-sync"]"#

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aTargetedConsumerIsPlannedWithTheGroupItNeedsAndNothingElse() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(Self.configuration, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let result = await InProcessFracttal.run(
                    ["plan", "config", "--target", Self.erpSync, "--format", "json", "--out", "plan.json"], in: folder,
                    environment: server.targetEnvironment)

                #expect(result.status == 0, "\(result)")
                let plan = try Self.json(result.stdout)
                #expect(plan["targets"] as? [String] == [Self.erpSync])
                let actions = try #require(plan["actions"] as? [[String: Any]])
                #expect(actions.map { $0["address"] as? String } == [#"group["Integraciones"]"#, Self.erpSync])
                #expect((plan["undeclared"] as? [String: [Any]])?.values.allSatisfy(\.isEmpty) == true)

                let text = await InProcessFracttal.run(["show", "plan.json"], in: folder)
                #expect(text.stdout.contains(#"Partial plan (--target): only consumer["erp-sync"] and what they need"#), "\(text)")
                let markdown = await InProcessFracttal.run(["show", "plan.json", "--format", "markdown"], in: folder)
                #expect(markdown.stdout.contains("> [!IMPORTANT]\n> Partial plan (--target)"), "\(markdown)")
                let github = await InProcessFracttal.run(["show", "plan.json", "--format", "github"], in: folder)
                #expect(github.stdout.contains("\n::notice title=Partial plan::Partial plan (--target)"), "\(github)")
            }
        }
    }

    @Test func applyTargetChangesOnlyTheTargets() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(Self.configuration, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let applied = await InProcessFracttal.run(
                    ["apply", "config", "--target", #"group["Integraciones"]"#, "--auto-approve"], in: folder,
                    environment: server.targetEnvironment)
                #expect(applied.status == 0, "\(applied)")
                #expect(applied.stdout.contains("Apply complete: 1 added"), "\(applied)")

                let rest = await InProcessFracttal.run(["plan", "config", "--format", "json"], in: folder, environment: server.targetEnvironment)
                let actions = try #require(try Self.json(rest.stdout)["actions"] as? [[String: Any]])
                #expect(actions.map { $0["address"] as? String } == [#"consumer["bi-portal"]"#, Self.erpSync])
            }
        }
    }

    @Test func anAddressThatNamesNothingIsAnErrorWithASuggestion() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(Self.configuration, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let result = await InProcessFracttal.run(
                    ["plan", "config", "--target", #"consumer["erp-synk"]"#], in: folder, environment: server.targetEnvironment)

                #expect(result.status == 1, "\(result)")
                #expect(result.stderr.contains(#"error: --target consumer["erp-synk"] names no declared or live consumer; did you mean --target 'consumer["erp-sync"]'? [FRC227]"#), "\(result)")
                #expect(result.stderr.contains("[FRC406]"), "\(result)")
            }
        }
    }

    @Test func aTargetThatIsNotAnAddressIsAUsageError() async {
        let result = await InProcessFracttal.run(["plan", "--target", "erp-sync"])
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains(#"--target "erp-sync" is not an address"#), "\(result)")
    }

    @Test func aSavedPlanCarriesItsOwnTargets() async throws {
        let result = await InProcessFracttal.run(["apply", "--plan", "plan.json", "--target", Self.erpSync])
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("a saved plan carries its own targets"), "\(result)")
    }

    @Test func aSavedPartialPlanIsCheckedAgainstItsOwnObjectsOnly() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(Self.configuration, to: "config/main.yaml")
            // Another hand changes a seeded consumer that a whole plan of config/ would not touch either.
            try folder.write(
                "version: 1\nconsumers:\n  - name: consumidor alex\n    description: edited elsewhere\n    permission_group: Default\n",
                to: "elsewhere/main.yaml")
            try await SandboxLauncher.with { server in
                let planned = await InProcessFracttal.run(
                    ["plan", "config", "--target", Self.erpSync, "--out", "plan.json"], in: folder, environment: server.targetEnvironment)
                try #require(planned.status == 0, "\(planned)")
                let edited = await InProcessFracttal.run(["apply", "elsewhere", "--auto-approve"], in: folder, environment: server.targetEnvironment)
                try #require(edited.status == 0, "\(edited)")

                let applied = await InProcessFracttal.run(
                    ["apply", "--plan", "plan.json", "--auto-approve", "--secrets-out", "secrets.json"], in: folder,
                    environment: server.targetEnvironment)
                #expect(applied.status == 0, "\(applied)")
                #expect(applied.stdout.contains("Partial plan (--target)"), "\(applied)")
                #expect(applied.stdout.contains("Apply complete: 2 added"), "\(applied)")
            }
        }
    }
}
