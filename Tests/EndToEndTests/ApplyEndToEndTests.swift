import Foundation
import FracttalAPI
import FracttalModel
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// `fracttal apply` through the built binary against a sandbox on a loopback port.
@Suite(.serialized)
struct ApplyEndToEndTests {
    /// Two groups and `count` consumers, some authorization-code ones.
    static func company(consumers count: Int) -> String {
        var text = """
            version: 1
            permission_groups:
              - name: Integraciones
                description: ERP and BI
                permissions: [assets:view, "work_orders:*"]
              - name: Portales
                permissions: [reports:view]
            consumers:

            """
        for index in 0..<count {
            if index % 4 == 3 {
                text += """
                      - name: portal-\(index)
                        grant_type: authorization_code
                        redirect_uri: https://portal\(index).example.com/callback
                        permission_group: Portales

                    """
            } else {
                text += """
                      - name: erp-\(index)
                        description: Integration \(index)
                        permission_group: Integraciones
                        hub: \(index % 2 == 0)

                    """
            }
        }
        return text
    }

    @Test func aFreshApplyLeavesNothingToPlanAndDeliversWorkingSecrets() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write(Self.company(consumers: 4))

            let applied = try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", "secrets.json"])

            #expect(applied.status == 0, "\(applied)")
            #expect(applied.stdout.contains("Apply complete: 6 added, 0 changed, 0 replaced, 0 destroyed, 0 secrets rotated."), "\(applied)")
            let secretsURL = sandbox.folder.url.appendingPathComponent("secrets.json")
            #expect(try SecretsFile.mode(of: secretsURL) == 0o600)
            let secrets = try SecretsFile(contentsOf: secretsURL)
            #expect(Set(secrets.entries.keys) == ["erp-0", "erp-1", "erp-2", "portal-3"])
            let clientCredentialsOnes = secrets.entries.filter { $0.key.hasPrefix("erp-") }
            for (_, entry) in clientCredentialsOnes {
                #expect(try await sandbox.obtainsToken(key: entry.key, secret: entry.secret))
            }
            let allSecrets = secrets.entries.values.map(\.secret) + [sandbox.server.bootstrapCredentials.secret]
            #expect(!applied.leaksAny(of: allSecrets))

            let planned = try await sandbox.run(["plan", "config", "--detailed-exitcode", "--out", "plan.json"])
            #expect(planned.status == 0, "\(planned)")
            #expect(!planned.leaksAny(of: allSecrets))
            let planFile = try sandbox.folder.read("plan.json")
            #expect(!allSecrets.contains { planFile.contains($0) })
        }
    }

    @Test func refusesWithoutASecretsFileOrApprovalAndChangesNothing() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write(Self.company(consumers: 1))
            let before = try await sandbox.live()

            let noSink = try await sandbox.run(["apply", "config", "--auto-approve"])
            #expect(noSink.status == 1, "\(noSink)")
            #expect(noSink.stderr.contains("--secrets-out"), "\(noSink)")
            #expect(noSink.stderr.contains("[FRC309]"), "\(noSink)")

            let noApproval = try await sandbox.run(["apply", "config", "--secrets-out", "s.json"], input: "yes\n")
            #expect(noApproval.status == 1, "\(noApproval)")
            #expect(noApproval.stderr.contains("--auto-approve"), "\(noApproval)")
            #expect(noApproval.stderr.contains("[FRC413]"), "\(noApproval)")

            let after = try await sandbox.live()
            #expect(after.consumers.map(\.key) == before.consumers.map(\.key))
            #expect(after.groups.map(\.id) == before.groups.map(\.id))
        }
    }

    @Test func convergesUnderFaultsWithShortLivedTokens() async throws {
        let faults = try FaultPlan.parse("error_before=0.1,error_after=0.05,lost=0.05,ratelimit=0.1,latency=1-5ms")
        // A one-second window, so that each injected 406 costs a wait of at most a second.
        try await SandboxFixture.with(rateLimit: RateLimit(count: 10_000, windowSeconds: 1), tokenTTL: 1, faults: faults, seed: 42) { sandbox in
            try sandbox.write(Self.company(consumers: 12))

            var attempts = 0
            var last: FracttalProcess.Result?
            repeat {
                attempts += 1
                last = try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", "secrets.json"])
            } while last?.status != 0 && attempts < 6
            #expect(last?.status == 0, "\(last.map(String.init(describing:)) ?? "")")

            let planned = try await sandbox.planSettled()
            #expect(planned.status == 0, "\(planned)")

            let live = try await sandbox.live()
            let secrets = try SecretsFile(contentsOf: sandbox.folder.url.appendingPathComponent("secrets.json"))
            for index in 0..<12 {
                let name = index % 4 == 3 ? "portal-\(index)" : "erp-\(index)"
                let matches = live.consumers.filter { $0.name == name }
                #expect(matches.count == 1, "exactly one consumer named \(name)")
                let entry = try #require(secrets.entries[name], "a secret for \(name)")
                #expect(entry.key == matches.first?.key)
                if name.hasPrefix("erp-") {
                    #expect(try await sandbox.obtainsToken(key: entry.key, secret: entry.secret), "\(name)'s secret works")
                }
            }
            #expect(live.groups.filter { $0.name == "Integraciones" }.count == 1)
            #expect(live.groups.filter { $0.name == "Portales" }.count == 1)
        }
    }

    @Test func refusesAStaleSavedPlanAndChangesNothing() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write(Self.company(consumers: 2))
            let saved = try await sandbox.run(["plan", "config", "--out", "plan.json"])
            #expect(saved.status == 0, "\(saved)")

            let client = try sandbox.client()
            let live = try await client.readLiveState()
            let group = try #require(live.groups.first { $0.name == "PERMISO 1 TECNICO" })
            _ = try await client.createGroup(
                GroupFields(name: "Integraciones", description: "made by hand", permissions: []), knownIDs: Set(live.groups.map(\.id))
            )
            _ = group
            try await client.shutdown()
            let before = try await sandbox.live()

            let applied = try await sandbox.run(["apply", "--plan", "plan.json", "--auto-approve", "--secrets-out", "s.json"])

            #expect(applied.status == 1, "\(applied)")
            #expect(applied.stderr.contains("[FRC412]"), "\(applied)")
            let after = try await sandbox.live()
            #expect(after == before)
        }
    }

    @Test func aSavedPlanAppliesWhenNothingChanged() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write(Self.company(consumers: 2))
            #expect(try await sandbox.run(["plan", "config", "--out", "plan.json"]).status == 0)

            let applied = try await sandbox.run(["apply", "--plan", "plan.json", "--auto-approve", "--secrets-out", "s.json"])

            #expect(applied.status == 0, "\(applied)")
            #expect(try await sandbox.run(["plan", "config", "--detailed-exitcode"]).status == 0)
        }
    }

    @Test func rotateSecretBeforeNowRotatesOnce() async throws {
        // The sandbox's clock stands a minute back, so its instants have passed for the tool too, and
        // moves two seconds on by hand: secrets are issued in whole seconds.
        let clock = ManualClock(Date().addingTimeInterval(-60))
        try await SandboxFixture.with(clock: clock) { sandbox in
            let base = """
                version: 1
                permission_groups:
                  - name: Integraciones
                    permissions: [assets:view]
                consumers:
                  - name: erp-sync
                    permission_group: Integraciones

                """
            try sandbox.write(base)
            #expect(try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", "secrets.json"]).status == 0)
            let secretsURL = sandbox.folder.url.appendingPathComponent("secrets.json")
            let first = try #require(try SecretsFile(contentsOf: secretsURL).entries["erp-sync"])
            let instant = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(1))
            clock.advance(seconds: 2)
            try sandbox.write(base + "    rotate_secret_before: \(instant)\n")

            let rotated = try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", "secrets.json"])

            #expect(rotated.status == 0, "\(rotated)")
            #expect(rotated.stdout.contains("1 secret rotated."), "\(rotated)")
            let second = try #require(try SecretsFile(contentsOf: secretsURL).entries["erp-sync"])
            #expect(second.key == first.key)
            #expect(second.secret != first.secret)
            #expect(try await sandbox.obtainsToken(key: second.key, secret: second.secret))
            #expect(try await !sandbox.obtainsToken(key: first.key, secret: first.secret))
            #expect(!rotated.leaksAny(of: [first.secret, second.secret]))
            #expect(try await sandbox.run(["plan", "config", "--detailed-exitcode"]).status == 0, "it rotates once")
        }
    }

    @Test func killedMidwayThenAppliedAgainConverges() async throws {
        let faults = try FaultPlan.parse("latency=150-250ms")
        try await SandboxFixture.with(faults: faults) { sandbox in
            try sandbox.write(Self.company(consumers: 16))
            let before = sandbox.server.requestCount
            let process = try FracttalProcess.start(
                ["apply", "config", "--auto-approve", "--secrets-out", "secrets.json", "--parallelism", "2"],
                in: sandbox.folder.url, environment: sandbox.environment
            )
            try await sandbox.server.requests.reached(before + 10)
            kill(process.processIdentifier, SIGKILL)
            await blocking { process.waitUntilExit() }

            let again = try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", "secrets.json"])
            #expect(again.status == 0, "\(again)")
            #expect(try await sandbox.run(["plan", "config", "--detailed-exitcode"]).status == 0)
            let live = try await sandbox.live()
            for index in 0..<16 {
                let name = index % 4 == 3 ? "portal-\(index)" : "erp-\(index)"
                #expect(live.consumers.filter { $0.name == name }.count == 1, "exactly one \(name)")
            }
        }
    }
}
