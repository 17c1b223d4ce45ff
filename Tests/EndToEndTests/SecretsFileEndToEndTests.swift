import Foundation
import FracttalModel
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
