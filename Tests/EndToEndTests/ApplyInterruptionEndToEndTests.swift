import Foundation
import FracttalAPI
import FracttalModel
import FracttalSandbox
import FracttalTestSupport
import Testing

/// `apply` loses no secret and locks no consumer out: its own rotation, a plan applied by another consumer.
@Suite(.serialized)
struct ApplyIdentityEndToEndTests {
    @Test func rotatingTheToolsOwnSecretThenDeletingFortyConsumersWithTwoSecondTokens() async throws {
        // Ten requests a second: the deletes outlast several tokens, each renewed after the rotation.
        try await SandboxFixture.with(rateLimit: RateLimit(count: 10, windowSeconds: 1), tokenTTL: 2) { sandbox in
            let client = try sandbox.client()
            let automation = try #require(try await sandbox.live().groups.first { $0.name == "Automation" })
            for index in 0..<40 {
                _ = try await client.createConsumer(
                    ConsumerFields(name: "old-\(index)", description: nil, grantType: .clientCredentials, permissionGroup: automation.id,
                                   redirectURI: nil, hub: false),
                    knownKeys: [])
            }
            try await client.shutdown()
            let live = try await sandbox.live()
            let ownKey = sandbox.server.bootstrapCredentials.key
            let own = try #require(live.consumers.first { $0.key == ownKey })
            // The forty creates at ten a second took seconds, so this instant has passed.
            let rotateBefore = ISO8601DateFormatter().string(from: own.secretCreatedAt.addingTimeInterval(1))
            try sandbox.write(LiveConfiguration.declaring(
                [own], of: live, settings: ["prune: true", "max_delete_percent: 100"],
                extra: [own.name: ["rotate_secret_before: \(rotateBefore)"]]))

            let applied = try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", "s.json"])

            #expect(applied.status == 0, "\(applied)")
            #expect(applied.stdout.contains("1 secret rotated"), "\(applied)")
            let secrets = try SecretsFile(contentsOf: sandbox.folder.url.appendingPathComponent("s.json"))
            let entry = try #require(secrets.entries[own.name])
            #expect(entry.key == ownKey)
            #expect(try await sandbox.obtainsToken(key: ownKey, secret: entry.secret))
            #expect(try await !sandbox.obtainsToken(key: ownKey, secret: sandbox.server.bootstrapCredentials.secret))
            #expect(!applied.leaksAny(of: [entry.secret, sandbox.server.bootstrapCredentials.secret]))
            let after = try await sandbox.live(as: ClientCredentials(key: ownKey, secret: entry.secret))
            #expect(after.consumers.map(\.key) == [ownKey])

            let planned = try await sandbox.run(
                ["plan", "config", "--detailed-exitcode"], environment: ["FRACTTAL_CLIENT_SECRET": entry.secret])
            #expect(planned.status == 0, "\(planned)")
        }
    }

    @Test func aSavedPlanIsRecheckedForTheConsumerThatAppliesIt() async throws {
        try await SandboxFixture.with { sandbox in
            let client = try sandbox.client()
            let automation = try #require(try await sandbox.live().groups.first { $0.name == "Automation" })
            let creation = try await client.createConsumer(
                ConsumerFields(name: "deployer", description: "applies plans", grantType: .clientCredentials, permissionGroup: automation.id,
                               redirectURI: nil, hub: false),
                knownKeys: [])
            try await client.shutdown()
            guard case .created(_, let deployer) = creation else { Issue.record("the deployer was not created"); return }
            let asDeployer = ["FRACTTAL_CLIENT_ID": deployer.key, "FRACTTAL_CLIENT_SECRET": deployer.secret]
            let live = try await sandbox.live()
            let bootstrap = try #require(live.consumers.first { $0.key == sandbox.server.bootstrapCredentials.key })
            let pruning = ["prune: true", "max_delete_percent: 100"]

            // Made by ci-bootstrap, the plan deletes the deployer: the deployer may not apply it.
            try sandbox.write(LiveConfiguration.declaring([bootstrap], of: live, settings: pruning))
            let saved = try await sandbox.run(["plan", "config", "--out", "prune.json"])
            #expect(saved.status == 0, "\(saved)")
            let savedPlan = try JSONSerialization.jsonObject(with: Data(try sandbox.folder.read("prune.json").utf8)) as? [String: Any]
            #expect(savedPlan?["client_id"] as? String == bootstrap.key)
            let refused = try await sandbox.run(["apply", "--plan", "prune.json", "--auto-approve"], environment: asDeployer)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains("plan made as \(bootstrap.key), applied as \(deployer.key)"), "\(refused)")
            #expect(refused.stderr.contains("deletes the consumer \"deployer\""), "\(refused)")
            #expect(refused.stderr.contains("[FRC411]"), "\(refused)")
            #expect(try await sandbox.live().consumers.map(\.key) == live.consumers.map(\.key), "nothing changed")

            // A plan that spares the deployer applies with its credentials.
            let deployerNow = try #require(live.consumers.first { $0.key == deployer.key })
            try sandbox.write(LiveConfiguration.declaring([bootstrap, deployerNow], of: live, settings: pruning))
            #expect(try await sandbox.run(["plan", "config", "--out", "spare.json"]).status == 0)
            let applied = try await sandbox.run(["apply", "--plan", "spare.json", "--auto-approve"], environment: asDeployer)
            #expect(applied.status == 0, "\(applied)")
            #expect(applied.stderr.contains("plan made as \(bootstrap.key), applied as \(deployer.key)"), "\(applied)")
            #expect(Set(try await sandbox.live().consumers.map(\.key)) == [bootstrap.key, deployer.key])
        }
    }
}

/// `apply` interrupted while the server holds the answer to a create, and faults real servers produce.
@Suite(.serialized)
struct ApplyInterruptionEndToEndTests {
    static let oneConsumer = """
        version: 1
        consumers:
          - name: held-svc
            description: made while the answer is held
            permission_group: PERMISO 1 TECNICO

        """

    /// Starts apply against a sandbox that holds every answer (2.5 s), and returns once the create has
    /// reached the server (after the three reads of the live state).
    static func applyUntilTheCreateIsHeld(_ sandbox: SandboxFixture) async throws -> RunningFracttal {
        try sandbox.write(oneConsumer)
        let held = sandbox.server.heldChanges.value
        let running = try RunningFracttal(
            ["apply", "config", "--auto-approve", "--secrets-out", "s.json"], in: sandbox.folder.url, environment: sandbox.environment)
        try await sandbox.server.heldChanges.reached(held + 1)
        return running
    }

    /// After the interruption, one more apply leaves one working consumer and nothing to plan.
    static func expectConverged(_ sandbox: SandboxFixture, leaking secrets: [String] = []) async throws {
        let live = try await sandbox.live()
        let matches = live.consumers.filter { $0.name == "held-svc" }
        #expect(matches.count == 1, "exactly one consumer named held-svc")
        let entry = try #require(try SecretsFile(contentsOf: sandbox.folder.url.appendingPathComponent("s.json")).entries["held-svc"])
        #expect(entry.key == matches.first?.key)
        #expect(try await sandbox.obtainsToken(key: entry.key, secret: entry.secret))
        let planned = try await sandbox.run(["plan", "config", "--detailed-exitcode", "--secrets-out", "s.json"])
        #expect(planned.status == 0, "\(planned)")
        #expect(!planned.leaksAny(of: secrets + [entry.secret]))
    }

    @Test func killedWhileTheServerHoldsACreateThenApplyDeliversItsSecret() async throws {
        try await SandboxFixture.with(faults: try FaultPlan.parse("hold_after=1"), faultDelayMilliseconds: 2_500) { sandbox in
            let running = try await Self.applyUntilTheCreateIsHeld(sandbox)
            running.send(SIGKILL)
            _ = await running.finish()
            // The file holds the create's pending mark and no secret.
            let file = try SecretsFile(contentsOf: sandbox.folder.url.appendingPathComponent("s.json"))
            #expect(file.entries.isEmpty)
            #expect(file.pendingNames == ["held-svc"])

            let unchecked = try await sandbox.run(["plan", "config"])
            #expect(unchecked.stdout.contains("secret delivery was not checked"), "\(unchecked)")
            let planned = try await sandbox.run(["plan", "config", "--secrets-out", "s.json"])
            #expect(planned.stdout.contains("rotate"), "\(planned)")
            #expect(planned.stdout.contains("interrupted delivery"), "\(planned)")
            let again = try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", "s.json"])
            #expect(again.status == 0, "\(again)")
            #expect(again.stdout.contains("1 secret rotated"), "\(again)")
            try await Self.expectConverged(sandbox)
        }
    }

    @Test func aSecondConsumerOfTheNameAfterTheKillFailsThePlanUntilKeyBindsOneWhichGetsTheSecret() async throws {
        try await SandboxFixture.with(faults: try FaultPlan.parse("hold_after=1"), faultDelayMilliseconds: 1_500) { sandbox in
            let running = try await Self.applyUntilTheCreateIsHeld(sandbox)
            running.send(SIGKILL)
            _ = await running.finish()
            let client = try sandbox.client()
            let live = try await client.readLiveState()
            let made = try #require(live.consumers.first { $0.name == "held-svc" })
            let group = try #require(live.groups.first { $0.name == "PERMISO 1 TECNICO" })
            let fields = ConsumerFields(
                name: "held-svc", description: "made by hand", grantType: .clientCredentials, permissionGroup: group.id, redirectURI: nil, hub: false)
            let byHand = try await client.createConsumer(fields, knownKeys: [made.key]).consumer
            try await client.shutdown()

            let ambiguous = try await sandbox.run(["plan", "config", "--secrets-out", "s.json"])
            #expect(ambiguous.status == 1, "\(ambiguous)")
            #expect(ambiguous.stderr.contains("[FRC222]"), "\(ambiguous)")
            #expect(ambiguous.stderr.contains(made.key) && ambiguous.stderr.contains(byHand.key), "\(ambiguous)")

            try sandbox.write(Self.oneConsumer.replacingOccurrences(of: "  - name: held-svc\n", with: "  - name: held-svc\n    key: \(byHand.key)\n"))
            let applied = try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", "s.json"])
            #expect(applied.status == 0, "\(applied)")
            #expect(applied.stdout.contains("1 secret rotated"), "\(applied)")
            #expect(applied.stdout.contains("also left key \(made.key)"), "the other one is named: \(applied)")
            let entry = try #require(try SecretsFile(contentsOf: sandbox.folder.url.appendingPathComponent("s.json")).entries["held-svc"])
            #expect(entry.key == byHand.key)
            #expect(try await sandbox.obtainsToken(key: entry.key, secret: entry.secret))
            let planned = try await sandbox.run(["plan", "config", "--detailed-exitcode", "--secrets-out", "s.json"])
            #expect(planned.status == 0, "\(planned)")
        }
    }

    @Test func interruptedWhileTheServerHoldsACreateItWritesTheSecretAndExits1() async throws {
        try await SandboxFixture.with(faults: try FaultPlan.parse("hold_after=1"), faultDelayMilliseconds: 2_500) { sandbox in
            let running = try await Self.applyUntilTheCreateIsHeld(sandbox)
            let signalled = ContinuousClock.now
            running.send(SIGINT)
            let interrupted = await running.finish()
            #expect(ContinuousClock.now - signalled < .seconds(10))
            #expect(interrupted.status == 1, "\(interrupted)")
            #expect(interrupted.stderr.contains("Interrupted"), "\(interrupted)")
            #expect(interrupted.stderr.contains("[FRC407]"), "\(interrupted)")
            let entry = try SecretsFile(contentsOf: sandbox.folder.url.appendingPathComponent("s.json")).entries["held-svc"]
            #expect(entry != nil, "the held create's secret is in the file when apply exits")

            let again = try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", "s.json"])
            #expect(again.status == 0, "\(again)")
            try await Self.expectConverged(sandbox)
        }
    }

    @Test func aSecondSignalEndsAtOnceAndTheStoresMarkStillDelivers() async throws {
        try await SandboxFixture.with(faults: try FaultPlan.parse("hold_after=1"), faultDelayMilliseconds: 2_500) { sandbox in
            let running = try await Self.applyUntilTheCreateIsHeld(sandbox)
            running.send(SIGTERM)
            try await running.standardError(containing: "Interrupted: starting nothing new")
            running.send(SIGINT)
            let stopped = await running.finish()
            #expect(stopped.status == 1, "\(stopped)")
            #expect(stopped.stderr.contains("pending marks"), "\(stopped)")

            let again = try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", "s.json"])
            #expect(again.status == 0, "\(again)")
            try await Self.expectConverged(sandbox)
        }
    }
}
