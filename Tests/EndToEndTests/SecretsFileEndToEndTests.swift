import Foundation
import FracttalModel
import FracttalSandbox
import FracttalTestSupport
import Testing

/// Secrets files as editors, mounts and other tools leave them, through the built binary: each case
/// ended with exit 0 and a lost entry, a replaced link or a rewritten line before the file store kept them.
@Suite(.serialized)
struct SecretsFileEndToEndTests {
    static let oneConsumer = """
        version: 1
        consumers:
          - name: erp-sync
            permission_group: PERMISO 1 TECNICO

        """

    /// Applies `oneConsumer` with `--secrets-out path` (and the extra arguments), expecting success.
    static func apply(_ sandbox: SandboxFixture, to path: String, _ extra: [String] = []) async throws -> String {
        try sandbox.write(oneConsumer)
        let applied = try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", path] + extra)
        #expect(applied.status == 0, "\(applied)")
        return try #require(try await sandbox.live().consumers.first { $0.name == "erp-sync" }?.key)
    }

    @Test func aByteOrderMarkAndAnotherConsumersEntryAreKept() async throws {
        try await SandboxFixture.with { sandbox in
            let url = sandbox.folder.url.appendingPathComponent("s.json")
            try Data(("\u{FEFF}" + #"{"other": {"key": "KOTHER", "secret": "SOTHER"}}"#).utf8).write(to: url)
            let key = try await Self.apply(sandbox, to: "s.json")

            let data = try Data(contentsOf: url)
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
            let object = try #require(try JSONSerialization.jsonObject(with: data.dropFirst(3)) as? [String: Any])
            #expect(object["other"] as? [String: String] == ["key": "KOTHER", "secret": "SOTHER"])
            #expect((object["erp-sync"] as? [String: Any])?["key"] as? String == key)
        }
    }

    @Test func aSymbolicLinkIsWrittenThroughToItsTarget() async throws {
        try await SandboxFixture.with { sandbox in
            let mounted = try TemporaryFolder()
            defer { mounted.remove() }
            try mounted.write("{}", to: "real.json")
            let link = sandbox.folder.path("s.json")
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: mounted.path("real.json"))
            let key = try await Self.apply(sandbox, to: "s.json")

            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == mounted.path("real.json"))
            let file = try SecretsFile(contentsOf: mounted.url.appendingPathComponent("real.json"))
            #expect(file.entries["erp-sync"]?.key == key)
            #expect(try SecretsFile.mode(of: mounted.url.appendingPathComponent("real.json")) == 0o600)
        }
    }

    @Test func everyEnvLineThatIsNotThisAppliesEntryStaysByteForByte() async throws {
        try await SandboxFixture.with { sandbox in
            let others = """
                # kept
                FRACTTAL_LEGACY_SECRET="pa'ss"
                FRACTTAL_OTHER_SECRET=abc # note
                PLAIN=1

                """
            try sandbox.folder.write(others, to: "s.env")
            let key = try await Self.apply(sandbox, to: "s.env", ["--secrets-format", "env"])

            let text = try sandbox.folder.read("s.env")
            let kept = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("# fracttal: ") && !$0.hasPrefix("FRACTTAL_ERP_SYNC_") }
            #expect(kept.joined(separator: "\n") == others)
            #expect(text.contains("FRACTTAL_ERP_SYNC_KEY=\(key)\n"))
        }
    }

    /// A crash in mid-write tore the pending mark's line of an env file: plan and apply refuse the
    /// store, naming the line, rather than skip the mark and forget an undelivered secret.
    @Test func aTornMarkLineIsRefusedWithItsLineNumberAndTheFileKept() async throws {
        try await SandboxFixture.with(faults: try FaultPlan.parse("hold_after=1"), faultDelayMilliseconds: 1_500) { sandbox in
            try sandbox.write(ApplyInterruptionEndToEndTests.oneConsumer)
            let arguments = ["--secrets-out", "s.env", "--secrets-format", "env"]
            let held = sandbox.server.heldChanges.value
            let running = try RunningFracttal(["apply", "config", "--auto-approve"] + arguments, in: sandbox.folder.url, environment: sandbox.environment)
            try await sandbox.server.heldChanges.reached(held + 1)
            running.send(SIGKILL)
            _ = await running.finish()
            let marked = try sandbox.folder.read("s.env")
            let markLine = try #require(marked.split(separator: "\n").firstIndex { $0.contains("\"pending\"") }) + 1
            let torn = String(marked.dropLast(40))
            try sandbox.folder.write(torn, to: "s.env")

            for command in [["plan", "config"], ["apply", "config", "--auto-approve"]] {
                let refused = try await sandbox.run(command + arguments)
                #expect(refused.status == 1, "\(refused)")
                #expect(refused.stderr.contains("line \(markLine)"), "\(refused)")
                #expect(refused.stderr.contains("[FRC312]"), "\(refused)")
                #expect(try sandbox.folder.read("s.env") == torn, "the file is left as it was")
            }
            #expect(try await sandbox.live().consumers.filter { $0.name == "held-svc" }.count == 1, "nothing more was created")
        }
    }

    @Test func aConsumerNamedClientIsRefusedInAnEnvFileBeforeAnyChange() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write("""
                version: 1
                consumers:
                  - name: client
                    permission_group: PERMISO 1 TECNICO

                """)
            let refused = try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", "s.env", "--secrets-format", "env"])
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains("FRACTTAL_CLIENT_SECRET"), "\(refused)")
            #expect(refused.stderr.contains("--secrets-format json"), "\(refused)")
            #expect(refused.stderr.contains("[FRC323]"), "\(refused)")
            #expect(try await sandbox.live().consumers.filter { $0.name == "client" }.isEmpty, "nothing was created")
        }
    }
}
