import Foundation
import FracttalAPI
import FracttalModel
import FracttalSandbox
import FracttalTestSupport
import Testing

/// `fracttal export` through the built binary: what it writes plans to no change.
@Suite(.serialized)
struct ExportEndToEndTests {
    @Test func theHelpArticleCompanyExportsToAConfigurationThatPlansToNoChange() async throws {
        try await SandboxFixture.with { sandbox in
            let exported = try await sandbox.run(["export", "--out", "exported"])
            #expect(exported.status == 0, "\(exported)")

            let validated = try await sandbox.run(["validate", "exported"])
            #expect(validated.status == 0, "\(validated)")

            let planned = try await sandbox.run(["plan", "exported", "--detailed-exitcode"])
            #expect(planned.status == 0, "\(planned)")
            #expect(planned.stdout.contains("No changes."), "\(planned)")
            let consumers = try sandbox.folder.read("exported/consumers.yaml")
            #expect(consumers.hasPrefix("# yaml-language-server: $schema="))
            #expect(consumers.contains("Conexiones API Fracttal Imè"))
            #expect(consumers.contains("consumidorfabian09/05"))
        }
    }

    @Test func anAppliedCompanyExportsToNoChangeToo() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write(ApplyEndToEndTests.company(consumers: 8))
            #expect(try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", "s.json"]).status == 0)

            #expect(try await sandbox.run(["export", "--out", "exported"]).status == 0)
            let planned = try await sandbox.run(["plan", "exported", "--detailed-exitcode"])

            #expect(planned.status == 0, "\(planned)")
        }
    }
}
