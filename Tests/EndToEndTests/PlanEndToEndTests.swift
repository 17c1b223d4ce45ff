import Foundation
import FracttalAPI
import FracttalModel
import FracttalSandbox
import FracttalTestSupport
import Testing

/// `fracttal plan` and `fracttal show` through the built binary against a sandbox on a loopback port.
@Suite(.serialized)
struct PlanEndToEndTests {
    @Test func createsWhatIsMissingAndNamesTheTarget() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write(SampleConfigurations.newObjects)

            let result = try await sandbox.run(["plan", "config"])

            #expect(result.status == 0, "\(result)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first == "Target: \(sandbox.server.apiBaseURL)")
            #expect(result.stdout.contains(#"+ group["Integraciones"] will be created (step 1)"#))
            #expect(result.stdout.contains(#"+ consumer["erp-sync"] will be created (step 2)"#))
            #expect(result.stdout.contains("Plan: 2 to add, 0 to change, 0 to replace, 0 to destroy, 0 secrets to rotate."))
            #expect(!result.stdout.contains("\u{1B}["), "no colour when not on a terminal")
        }
    }

    @Test func refusesAConfigurationThatReadsTheClientSecretAndNeverPrintsIt() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write(ValidateEndToEndTests.readsTheClientSecret)
            let canary = "canary-CLIENT-SECRET-5f1e2d9a"
            // With the working secret, and with a recognisable one the server would refuse.
            for (secret, extra) in [
                (sandbox.server.bootstrapCredentials.secret, [String: String]()), (canary, ["FRACTTAL_CLIENT_SECRET": canary]),
            ] {
                let result = try await sandbox.run(["plan", "config", "--out", "plan.json"], environment: extra)

                #expect(result.status == 1, "\(result)")
                let line = result.stderr.split(separator: "\n").first { $0.hasPrefix("config/main.yaml:4:25: error: ") }
                #expect(line?.hasSuffix(" [FRC151]") == true, "\(result)")
                #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "\(result)")
                #expect(!FileManager.default.fileExists(atPath: sandbox.folder.url.appendingPathComponent("plan.json").path))
            }
        }
    }

    @Test func updatesInPlaceWithFieldChanges() async throws {
        try await SandboxFixture.with { sandbox in
            let live = try await sandbox.live()
            let alex = try #require(live.consumers.first { $0.name == "consumidor alex" })
            let group = try #require(live.groups.first { $0.id == alex.permissionGroup })
            try sandbox.write("""
                version: 1
                consumers:
                  - name: alex-erp
                    previous_names: [consumidor alex]
                    description: Renamed by the plan
                    permission_group: \(group.name)
                    hub: true
                """)

            let result = try await sandbox.run(["plan", "config", "--detailed-exitcode"])

            #expect(result.status == 2, "\(result)")
            #expect(result.stdout.contains(#"~ consumer["alex-erp"] (key \#(alex.key)) will be updated in place"#), "\(result)")
            #expect(result.stdout.contains(#"~ name: "consumidor alex" -> "alex-erp""#))
            #expect(result.stdout.contains("~ hub: false -> true"))
            #expect(result.stdout.contains("Plan: 0 to add, 1 to change, 0 to replace, 0 to destroy, 0 secrets to rotate."))
        }
    }

    @Test func replacesWhenTheGrantTypeChanges() async throws {
        try await SandboxFixture.with { sandbox in
            let live = try await sandbox.live()
            let consumer = try #require(live.consumers.first { $0.name == "Projeto 1212" && $0.grantType == .clientCredentials })
            let group = try #require(live.groups.first { $0.id == consumer.permissionGroup })
            try sandbox.write("""
                version: 1
                consumers:
                  - name: Projeto 1212
                    description: \(consumer.description ?? "Portal")
                    grant_type: authorization_code
                    redirect_uri: https://portal.example.com/callback
                    permission_group: \(group.name)
                """)

            let result = try await sandbox.run(["plan", "config"])

            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains(#"-/+ consumer["Projeto 1212"] (key \#(consumer.key)) will be replaced"#), "\(result)")
            #expect(result.stdout.contains("forces replacement: a new key and secret will be issued"))
            #expect(result.stdout.contains("1 to replace"))
        }
    }

    @Test func prunesUndeclaredObjectsOnlyPastTheMassDeleteGuardWhenAllowed() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write("""
                version: 1
                settings:
                  prune: true
                permission_groups:
                  - name: PERMISO 1 TECNICO
                    description: Técnicos de campo
                    permissions: [assets:view]
                """)

            let refused = try await sandbox.run(["plan", "config"])
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains("[FRC219]"), "\(refused)")

            let allowed = try await sandbox.run(["plan", "config", "--allow-mass-delete"])
            #expect(allowed.status == 0, "\(allowed)")
            #expect(allowed.stdout.contains(#"- consumer["consumidor alex"]"#), "\(allowed)")
            #expect(!allowed.stdout.contains(#"- consumer["ci-bootstrap"]"#), "the tool's own consumer is kept")
            #expect(allowed.stdout.contains("kept"), "the plan notes what prune keeps")
        }
    }

    @Test func rotatesASecretOlderThanRotateSecretBefore() async throws {
        try await SandboxFixture.with { sandbox in
            let live = try await sandbox.live()
            let consumer = try #require(live.consumers.first { $0.name == "consumidorfabian09/05" })
            let group = try #require(live.groups.first { $0.id == consumer.permissionGroup })
            let instant = ISO8601DateFormatter().string(from: Date())
            try sandbox.write("""
                version: 1
                consumers:
                  - name: consumidorfabian09/05
                    permission_group: \(group.name)
                    grant_type: \(consumer.grantType.rawValue)
                    hub: \(consumer.hub)
                    rotate_secret_before: \(instant)

                """ + (consumer.description.map { "    description: \"\($0)\"\n" } ?? "")
                    + (consumer.redirectURI.map { "    redirect_uri: \($0)\n" } ?? "")
            )

            let result = try await sandbox.run(["plan", "config"])

            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains(#"* consumer["consumidorfabian09/05"] (key \#(consumer.key)) will get a new secret"#), "\(result)")
            #expect(result.stdout.contains("1 secret to rotate."))
        }
    }

    @Test func twoLiveConsumersOfOneNameFailThePlanNamingBothKeys() async throws {
        try await SandboxFixture.with { sandbox in
            let client = try sandbox.client()
            let live = try await client.readLiveState()
            let group = try #require(live.groups.first { $0.name == "PERMISO 1 TECNICO" })
            let fields = ConsumerFields(name: "twin", description: nil, grantType: .clientCredentials, permissionGroup: group.id, redirectURI: nil, hub: false)
            let first = try await client.createConsumer(fields, knownKeys: []).consumer
            let second = try await client.createConsumer(fields, knownKeys: [first.key]).consumer
            try await client.shutdown()
            try sandbox.write("""
                version: 1
                consumers:
                  - name: twin
                    permission_group: PERMISO 1 TECNICO
                """)

            let result = try await sandbox.run(["plan", "config"])

            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains(first.key) && result.stderr.contains(second.key), "\(result)")
            #expect(result.stderr.contains("config/main.yaml:3:"), "\(result)")
            #expect(result.stderr.contains("[FRC205]"), "\(result)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func refusesToLockTheToolOut() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write("""
                version: 1
                consumers:
                  - name: ci-bootstrap
                    permission_group: PERMISO 1 TECNICO
                """)

            let result = try await sandbox.run(["plan", "config"])

            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("ci-bootstrap"), "\(result)")
            #expect(result.stderr.contains("[FRC213]"), "\(result)")
            #expect(result.stderr.contains("which lacks api_connections:create, api_connections:delete, api_connections:edit, api_connections:view, security:create, security:delete, security:edit and security:view"), "\(result)")
        }
    }

    @Test func suggestsTheNearestCatalogCode() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write("""
                version: 1
                permission_groups:
                  - name: Typo
                    permissions: [work_order:view]
                """)

            let result = try await sandbox.run(["plan", "config"])

            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("config/main.yaml:4:"), "\(result)")
            #expect(result.stderr.contains("did you mean `work_orders:view`? [FRC201]"), "\(result)")
        }
    }

    @Test func detailedExitcodeTellsNoChangesFromChanges() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write("version: 1\n", to: "empty/main.yaml")
            try sandbox.write(SampleConfigurations.newObjects)
            try sandbox.write("version: 2\n", to: "broken/main.yaml")

            #expect(try await sandbox.run(["plan", "empty", "--detailed-exitcode"]).status == 0)
            #expect(try await sandbox.run(["plan", "config", "--detailed-exitcode"]).status == 2)
            #expect(try await sandbox.run(["plan", "broken", "--detailed-exitcode"]).status == 1)
            #expect(try await sandbox.run(["plan", "config"]).status == 0, "without the flag, changes still exit 0")
        }
    }

    @Test func showPrintsWhatPlanPrinted() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write(SampleConfigurations.newObjects)

            for format in ["text", "markdown", "json"] {
                let planned = try await sandbox.run(["plan", "config", "--format", format, "--out", "plan.json"])
                let shown = try await sandbox.run(["show", "plan.json", "--format", format])
                #expect(planned.status == 0 && shown.status == 0, "\(planned)\n\(shown)")
                #expect(shown.stdout == planned.stdout, "format \(format)")
            }
            let saved = try JSONSerialization.jsonObject(with: Data(try sandbox.folder.read("plan.json").utf8)) as? [String: Any]
            #expect(saved?["format_version"] as? Int == 1)
            #expect(saved?["target"] as? String == sandbox.server.apiBaseURL)
            #expect((saved?["summary"] as? [String: Any])?["create"] as? Int == 2)
            let actions = try #require(saved?["actions"] as? [[String: Any]])
            #expect(actions.map { $0["address"] as? String } == [#"group["Integraciones"]"#, #"consumer["erp-sync"]"#])
            #expect(actions.map { $0["step"] as? Int } == [1, 2])
        }
    }

    /// The configuration loads while the live state is read; its errors still come first, and the
    /// read (here of a server that is not there, which would retry for seconds) is abandoned.
    @Test func configurationErrorsComeFirstAndStopTheLiveRead() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("version: 1\nconsumers:\n  - name: erp\n    permision_group: Default\n", to: "main.yaml")
        let unreachable = [
            "FRACTTAL_BASE_URL": "http://127.0.0.1:1/api", "FRACTTAL_TOKEN_URL": "http://127.0.0.1:1/oauth/token",
            "FRACTTAL_CLIENT_ID": "id", "FRACTTAL_CLIENT_SECRET": "not-a-secret",
        ]

        let result = try await FracttalProcess.run(["plan", "main.yaml"], in: folder.url, environment: unreachable)

        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("main.yaml:4:5"), "\(result)")
        #expect(result.stderr.contains("permission_group"), "\(result)")
        #expect(result.stderr.contains("[FRC119]") && result.stderr.contains("[FRC405]"), "\(result)")
        #expect(!result.stderr.contains("live state"), "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }

    /// The embedded sandbox writes its store when it starts; a configuration with errors must not
    /// leave one behind in the user's folder.
    @Test func configurationErrorsDoNotStartTheEmbeddedSandbox() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("version: 1\nconsumers:\n  - name: erp\n    permision_group: Default\n", to: "main.yaml")

        let result = try await FracttalProcess.run(["plan", "main.yaml"], in: folder.url)

        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("main.yaml:4:5"), "\(result)")
        #expect(result.stderr.components(separatedBy: "main.yaml:4:5").count == 2, "the error is printed once: \(result)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".fracttal").path))
    }

    @Test func refusesTheEmbeddedSandboxInCI() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("version: 1\n", to: "main.yaml")

        let result = try await FracttalProcess.run(["plan", "main.yaml"], in: folder.url, environment: ["CI": "true"])

        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("FRACTTAL_BASE_URL"), "\(result)")
        #expect(result.stderr.hasSuffix(" [FRC401]\n"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".fracttal").path))
    }

    @Test func plansAgainstTheEmbeddedSandboxByDefault() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(SampleConfigurations.newObjects, to: "main.yaml")

        let result = try await FracttalProcess.run(["plan", "main.yaml"], in: folder.url)

        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("Target: sandbox:.fracttal/sandbox.sqlite\n"), "\(result)")
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".fracttal/sandbox.sqlite").path))
        let again = try await FracttalProcess.run(["plan", "main.yaml"], in: folder.url)
        #expect(again.stdout == result.stdout, "the embedded company persists between runs")

        // Each start gives the bootstrap consumer a new secret; a saved plan must not go stale for it.
        let saved = try await FracttalProcess.run(["plan", "main.yaml", "--out", "plan.json"], in: folder.url)
        #expect(saved.status == 0, "\(saved)")
        let applied = try await FracttalProcess.run(
            ["apply", "--plan", "plan.json", "--auto-approve", "--secrets-out", "secrets.json"], in: folder.url
        )
        #expect(applied.status == 0, "\(applied)")
        #expect(applied.stdout.hasPrefix("Target: sandbox:.fracttal/sandbox.sqlite\n"), "\(applied)")
    }
}
