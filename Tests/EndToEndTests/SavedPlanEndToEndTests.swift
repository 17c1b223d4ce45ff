import Foundation
import FracttalModel
import FracttalPlan
import FracttalSandbox
import FracttalTestSupport
import Testing

/// Saved plans someone else touched: a plan edited by hand, one rewritten with a valid digest but breaking
/// the configuration's rules, and one made in another folder that knows nothing of an undelivered secret.
/// Each was seen ending with exit 0 and a change (or a lost secret) before the saved-plan checks existed.
@Suite(.serialized)
struct SavedPlanEndToEndTests {
    static let protectingAlex = """
        version: 1
        settings:
          protect:
            consumers: [consumidor alex]
        consumers:
          - name: new-svc
            permission_group: PERMISO 1 TECNICO

        """

    /// The same company with prune on and nothing protected: its plan deletes "consumidor alex".
    static let pruningAlex = """
        version: 1
        settings:
          prune: true
          max_delete_percent: 100
          protect:
            groups: [PERMISO 1 TECNICO]
        consumers:
          - name: new-svc
            permission_group: PERMISO 1 TECNICO

        """

    @Test func aSavedPlanEditedByHandIsRefusedAsEditedBeforeAnyChange() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write(Self.protectingAlex)
            let saved = try await sandbox.run(["plan", "config", "--out", "plan.json"])
            #expect(saved.status == 0, "\(saved)")
            let url = sandbox.folder.url.appendingPathComponent("plan.json")
            var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            var actions = try #require(object["actions"] as? [[String: Any]])
            actions.append(actions[0])
            object["actions"] = actions
            try JSONSerialization.data(withJSONObject: object).write(to: url)

            let applied = try await sandbox.run(["apply", "--plan", "plan.json", "--auto-approve"])
            #expect(applied.status == 1, "\(applied)")
            #expect(applied.stderr.contains("edited"), "\(applied)")
            #expect(try await sandbox.live().consumers.filter { $0.name == "new-svc" }.isEmpty)
        }
    }

    @Test func aSavedPlanRewrittenWithAValidDigestIsStillCheckedAgainstItsRules() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write(Self.pruningAlex)
            let pruned = try await sandbox.run(["plan", "config", "--out", "pruning.json"])
            #expect(pruned.status == 0, "\(pruned)")
            try sandbox.write(Self.protectingAlex)
            let saved = try await sandbox.run(["plan", "config", "--out", "plan.json"])
            #expect(saved.status == 0, "\(saved)")
            let folder = sandbox.folder.url
            let pruning = try Plan.decode(from: Data(contentsOf: folder.appendingPathComponent("pruning.json")))
            var plan = try Plan.decode(from: Data(contentsOf: folder.appendingPathComponent("plan.json")))
            let alex = try #require(pruning.actions.first { $0.action == .delete && $0.address.name == "consumidor alex" })
            // The applying consumer's own delete, made from alex's with the bootstrap key.
            var own = alex
            own.liveKey = sandbox.server.bootstrapCredentials.key
            own.address = ResourceAddress(.consumer, "the applier")
            plan.actions += [plan.actions[0], alex, own]
            // Written through the library, so the actions digest is right and only the rules can catch it.
            try plan.encodedJSON().write(to: folder.appendingPathComponent("plan.json"))

            let before = try await sandbox.live()
            let applied = try await sandbox.run(["apply", "--plan", "plan.json", "--auto-approve"])
            #expect(applied.status == 1, "\(applied)")
            #expect(applied.stderr.contains("more than one action"), "\(applied)")
            #expect(applied.stderr.contains("settings.protect"), "\(applied)")
            #expect(applied.stderr.contains(sandbox.server.bootstrapCredentials.key), "\(applied)")
            let after = try await sandbox.live()
            #expect(Set(after.consumers.map(\.key)) == Set(before.consumers.map(\.key)), "nothing was created or deleted")
        }
    }

    @Test func aPlanMadeElsewhereKeepsTheUndeliveredSecretsMarkAndTheNextPlanRepairsIt() async throws {
        try await SandboxFixture.with(faults: try FaultPlan.parse("hold_after=1"), faultDelayMilliseconds: 2_500) { sandbox in
            let running = try await ApplyInterruptionEndToEndTests.applyUntilTheCreateIsHeld(sandbox)
            running.send(SIGKILL)
            _ = await running.finish()

            // Folder B has the same configuration and no store: its plan knows nothing of the mark.
            let elsewhere = try TemporaryFolder()
            defer { elsewhere.remove() }
            try elsewhere.write(ApplyInterruptionEndToEndTests.oneConsumer, to: "config/main.yaml")
            let saved = try await FracttalProcess.run(
                ["plan", "config", "--out", sandbox.folder.path("foreign.json")], in: elsewhere.url, environment: sandbox.environment)
            #expect(saved.status == 0, "\(saved)")

            let applied = try await sandbox.run(["apply", "--plan", "foreign.json", "--auto-approve", "--secrets-out", "s.json"])
            #expect(applied.status == 0, "\(applied)")
            #expect(applied.stderr.contains("does not repair the pending deliveries"), "\(applied)")
            #expect(applied.stderr.contains("held-svc"), "\(applied)")
            let file = try SecretsFile(contentsOf: sandbox.folder.url.appendingPathComponent("s.json"))
            #expect(file.pendingNames == ["held-svc"], "the mark stays")

            let planned = try await sandbox.run(["plan", "config", "--secrets-out", "s.json"])
            #expect(planned.stdout.contains("interrupted delivery"), "\(planned)")
            let again = try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", "s.json"])
            #expect(again.status == 0, "\(again)")
            try await ApplyInterruptionEndToEndTests.expectConverged(sandbox)
        }
    }
}
