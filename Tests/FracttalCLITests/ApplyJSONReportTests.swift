import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// `apply --format json`: one JSON report on standard output whatever happens, the rest on standard
/// error, and never a secret anywhere.
struct ApplyJSONReportTests {
    /// Standard output as one JSON object; fails the test when it is anything else.
    static func report(_ result: CommandResult) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(object as? [String: Any], "\(result)")
    }

    @Test func reportsEachActionWithItsNewKeyAndNoSecret() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newObjects, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let result = await InProcessFracttal.run(
                    ["apply", "config", "--auto-approve", "--secrets-out", "secrets.json", "--format", "json"], in: folder,
                    environment: server.targetEnvironment)

                #expect(result.status == 0, "\(result)")
                let report = try Self.report(result)
                #expect(report["format_version"] as? Int == 1)
                #expect(report["status"] as? String == "applied")
                #expect((report["target"] as? String)?.hasPrefix("http://127.0.0.1:") == true)
                #expect(report["error"] is NSNull)
                let actions = try #require(report["actions"] as? [[String: Any]])
                #expect(actions.map { $0["address"] as? String } == [#"group["Integraciones"]"#, #"consumer["erp-sync"]"#])
                #expect(actions.allSatisfy { $0["outcome"] as? String == "done" && $0["failure"] is NSNull })
                #expect(actions.map { $0["step"] as? Int } == [1, 2])
                let consumer = actions[1]
                #expect(consumer["kind"] as? String == "consumer")
                #expect(consumer["action"] as? String == "create")
                #expect(consumer["secret_stored"] as? Bool == true)
                #expect(actions[0]["secret_stored"] as? Bool == false)
                let summary = try #require(report["summary"] as? [String: Int])
                #expect(summary["added"] == 2 && summary["failed"] == 0 && summary["not_started"] == 0)
                #expect((report["unsaved_secrets"] as? [Any])?.isEmpty == true)
                #expect((report["stray_consumers"] as? [Any])?.isEmpty == true)

                // The key is the one stored with the secret; the secret itself is nowhere but in the store.
                let secrets = try JSONSerialization.jsonObject(with: Data(folder.read("secrets.json").utf8)) as? [String: Any]
                let stored = try #require(secrets?["erp-sync"] as? [String: String])
                #expect(consumer["key"] as? String == stored["key"])
                let secret = try #require(stored["secret"])
                #expect(secret.count >= 8)
                #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))

                // Standard output holds the report only; the people's part is on standard error.
                #expect(!result.stdout.contains("Apply complete") && !result.stdout.contains("Target:"), "\(result)")
                #expect(result.stderr.contains("Apply complete: 2 added"), "\(result)")
                #expect(result.stderr.contains("Target: "), "\(result)")
            }
        }
    }

    @Test func aRefusedApplyStillPrintsOneReportNamingTheError() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.broken, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let result = await InProcessFracttal.run(
                    ["apply", "config", "--auto-approve", "--format", "json"], in: folder, environment: server.targetEnvironment)

                #expect(result.status == 1, "\(result)")
                let report = try Self.report(result)
                #expect(report["status"] as? String == "refused")
                #expect((report["actions"] as? [Any])?.isEmpty == true)
                let error = try #require(report["error"] as? [String: String])
                #expect(error["code"] == "FRC405")
                #expect(result.stderr.contains("[FRC405]"), "\(result)")
            }
        }
    }

    @Test func aStaleSavedPlanIsRefusedWithAWordForCI() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.newGroup, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let planned = await InProcessFracttal.run(
                    ["plan", "config", "--out", "plan.json"], in: folder, environment: server.targetEnvironment)
                #expect(planned.status == 0, "\(planned)")
                let applied = await InProcessFracttal.run(
                    ["apply", "config", "--auto-approve"], in: folder, environment: server.targetEnvironment)
                #expect(applied.status == 0, "\(applied)")

                let result = await InProcessFracttal.run(
                    ["apply", "--plan", "plan.json", "--auto-approve", "--format", "json"], in: folder,
                    environment: server.targetEnvironment)

                #expect(result.status == 1, "\(result)")
                let error = try #require(try Self.report(result)["error"] as? [String: String])
                #expect(error["code"] == "FRC412")
                #expect(error["message"]?.contains("re-run the plan job") == true)
            }
        }
    }

    @Test func nothingToChangeIsAReportToo() async throws {
        try await TemporaryFolder.with { folder in
            try folder.write(SampleConfigurations.nothing, to: "config/main.yaml")
            try await SandboxLauncher.with { server in
                let result = await InProcessFracttal.run(
                    ["apply", "config", "--format", "json"], in: folder, environment: server.targetEnvironment)

                #expect(result.status == 0, "\(result)")
                let status = try Self.report(result)["status"] as? String
                #expect(status == "no_changes")
                #expect(result.stderr.contains("No changes."), "\(result)")
            }
        }
    }
}
