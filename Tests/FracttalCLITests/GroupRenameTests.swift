import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// A permission group's `previous_names`: apply renames the live group in place, keeping its consumers.
struct GroupRenameTests {
    /// The seeded "PERMISO 1 TECNICO" under a new name, with its description and permissions as seeded.
    static let renamed = """
        version: 1
        permission_groups:
          - name: Técnicos de campo
            description: Técnicos de campo
            permissions: [assets:view, assets:edit, work_orders:view, work_orders:create, work_orders:edit, meters:view, meters:create]
            previous_names: [PERMISO 1 TECNICO]
        consumers:
          - name: PERMISOS DESTINO
            description: Integración con el sistema destino
            permission_group: Técnicos de campo
        """

    @Test func applyRenamesTheGroupInPlace() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(Self.renamed, to: "config/main.yaml")
            // The same files once the rename is done: no previous_names any more.
            try folder.write(Self.renamed.replacingOccurrences(of: "    previous_names: [PERMISO 1 TECNICO]\n", with: ""), to: "after/main.yaml")
            try await SandboxLauncher.with { server in
                let planned = await InProcessFracttal.run(["plan", "config", "--format", "json"], in: folder, environment: server.targetEnvironment)
                try #require(planned.status == 0, "\(planned)")
                let plan = try #require(try JSONSerialization.jsonObject(with: Data(planned.stdout.utf8)) as? [String: Any])
                let actions = try #require(plan["actions"] as? [[String: Any]])
                #expect(actions.count == 1)
                #expect(actions.first?["action"] as? String == "update")
                #expect(actions.first?["changed_fields"] as? [String] == ["name"])
                #expect(actions.first?["address"] as? String == #"group["Técnicos de campo"]"#)

                let applied = await InProcessFracttal.run(["apply", "config", "--auto-approve"], in: folder, environment: server.targetEnvironment)
                #expect(applied.status == 0, "\(applied)")
                #expect(applied.stdout.contains("Apply complete: 0 added, 1 changed"), "\(applied)")

                // Its consumer still uses it: the group kept its id.
                let after = await InProcessFracttal.run(
                    ["plan", "after", "--detailed-exitcode"], in: folder, environment: server.targetEnvironment)
                #expect(after.status == 0, "\(after)")
            }
        }
    }
}
