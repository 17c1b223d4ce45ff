import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// `apply --plan` refuses a saved plan only when what it acts on or depends on changed, and names it.
struct SavedPlanStalenessTests {
    /// Updates the seeded "Projeto 1212" and nothing else.
    static let plannedChange = """
        version: 1
        consumers:
          - name: Projeto 1212
            description: Integração revista
            permission_group: Default
        """

    /// What another hand does between plan and apply.
    static func edit(_ name: String, description: String) -> String {
        "version: 1\nconsumers:\n  - name: \(name)\n    description: \(description)\n    permission_group: Default\n"
    }

    @Test func editingAConsumerThePlanDoesNotTouchLeavesItApplicable() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(Self.plannedChange, to: "config/main.yaml")
            try folder.write(Self.edit("consumidor alex", description: "edited elsewhere"), to: "elsewhere/main.yaml")
            try await SandboxLauncher.with { server in
                let planned = await InProcessFracttal.run(["plan", "config", "--out", "plan.json"], in: folder, environment: server.targetEnvironment)
                try #require(planned.status == 0, "\(planned)")
                let edited = await InProcessFracttal.run(["apply", "elsewhere", "--auto-approve"], in: folder, environment: server.targetEnvironment)
                try #require(edited.status == 0, "\(edited)")

                let applied = await InProcessFracttal.run(
                    ["apply", "--plan", "plan.json", "--auto-approve"], in: folder, environment: server.targetEnvironment)
                #expect(applied.status == 0, "\(applied)")
                #expect(applied.stdout.contains("Apply complete: 0 added, 1 changed"), "\(applied)")
            }
        }
    }

    @Test func editingAConsumerThePlanTouchesRefusesItAndNamesTheConsumer() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(Self.plannedChange, to: "config/main.yaml")
            try folder.write(Self.edit("Projeto 1212", description: "edited elsewhere"), to: "elsewhere/main.yaml")
            try await SandboxLauncher.with { server in
                let planned = await InProcessFracttal.run(["plan", "config", "--out", "plan.json"], in: folder, environment: server.targetEnvironment)
                try #require(planned.status == 0, "\(planned)")
                let edited = await InProcessFracttal.run(["apply", "elsewhere", "--auto-approve"], in: folder, environment: server.targetEnvironment)
                try #require(edited.status == 0, "\(edited)")

                let applied = await InProcessFracttal.run(
                    ["apply", "--plan", "plan.json", "--auto-approve"], in: folder, environment: server.targetEnvironment)
                #expect(applied.status == 1, "\(applied)")
                #expect(applied.stderr.contains(#"  - consumer["Projeto 1212"] (key Pj1212Tg5Hw9Lr3VcX) changed since the plan was made"#), "\(applied)")
                #expect(applied.stderr.contains("[FRC412]"), "\(applied)")
                #expect(!applied.stderr.contains("the live state changed since the plan was made"), "\(applied)")
            }
        }
    }
}
