import Foundation
import FracttalAPI
import FracttalModel
import FracttalSandbox
import FracttalTestSupport
import Testing

/// `apply` against a server that behaves like real infrastructure: a proxy's HTML error pages, late commits.
@Suite(.serialized)
struct ApplyFaultEndToEndTests {
    static let newConsumers = ["erp-a", "erp-b", "erp-c", "bi-d", "bi-e", "mes-f"]

    /// Two new groups, six new consumers, and a rotation of the live `consumidor alex`.
    static func configuration(live: LiveState) throws -> String {
        let alex = try #require(live.consumers.first { $0.name == "consumidor alex" })
        var text = LiveConfiguration.declaring(
            [alex], of: live, extra: [alex.name: ["rotate_secret_before: \(ISO8601DateFormatter().string(from: Date()))"]])
        for (index, name) in newConsumers.enumerated() {
            text += "  - name: \(name)\n    permission_group: \(index % 2 == 0 ? "Integraciones" : "Portales")\n"
        }
        text += """
            permission_groups:
              - name: Integraciones
                permissions: [assets:view, "work_orders:*"]
              - name: Portales
                permissions: [reports:view]

            """
        return text
    }

    /// Applies up to `applies` times, then checks: every declared consumer once, with a working secret, and no change left.
    /// `recovering` is a phrase the runs' progress must show: the fault met the recovery it tests.
    static func expectConvergence(_ sandbox: SandboxFixture, applies: Int, recovering: String) async throws {
        let live = try await sandbox.live()
        try sandbox.write(try configuration(live: live))
        var runs: [FracttalProcess.Result] = []
        repeat {
            runs.append(try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", "s.json"]))
        } while runs.last?.status != 0 && runs.count < applies
        #expect(runs.last?.status == 0, "\(runs.map(\.description).joined(separator: "\n=====\n"))")
        #expect(runs.contains { $0.stderr.contains(recovering) }, "\(runs.map(\.description).joined(separator: "\n=====\n"))")

        let after = try await sandbox.live()
        let secrets = try SecretsFile(contentsOf: sandbox.folder.url.appendingPathComponent("s.json"))
        for name in newConsumers + ["consumidor alex"] {
            let matches = after.consumers.filter { $0.name == name }
            #expect(matches.count == 1, "exactly one consumer named \(name): \(matches.map(\.key))")
            let entry = try #require(secrets.entries[name], "a secret for \(name)")
            #expect(entry.key == matches.first?.key)
            #expect(try await sandbox.obtainsToken(key: entry.key, secret: entry.secret), "the secret of \(name) works")
        }
        let allSecrets = secrets.entries.values.map(\.secret) + [sandbox.server.bootstrapCredentials.secret]
        for run in runs { #expect(!run.leaksAny(of: allSecrets)) }

        let planned = try await sandbox.planSettled()
        #expect(planned.status == 0, "\(planned)")
    }

    @Test func proxyErrorPagesBeforeAndAfterTheChange() async throws {
        let faults = try FaultPlan.parse("gateway_before=0.15,gateway_after=0.15")
        try await SandboxFixture.with(faults: faults, seed: 11) { sandbox in
            try await Self.expectConvergence(sandbox, applies: 2, recovering: "while trying to create consumer")
        }
    }

    @Test func lateCommitsMakeNoDuplicate() async throws {
        let faults = try FaultPlan.parse("late_commit=0.2")
        try await SandboxFixture.with(faults: faults, seed: 5) { sandbox in
            try await Self.expectConvergence(sandbox, applies: 2, recovering: "the answer to creating consumer")
        }
    }
}
