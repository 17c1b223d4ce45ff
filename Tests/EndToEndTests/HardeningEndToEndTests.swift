import Foundation
import FracttalAPI
import FracttalModel
import FracttalSandbox
import FracttalTestSupport
import Testing

/// What a hostile pull request, a strange name or a wrong setting can do, through the built binary.
@Suite(.serialized)
struct HardeningEndToEndTests {
    static let composed = "Jos\u{E9} svc"
    static let decomposed = "Jose\u{301} svc"

    @Test func namesThatOnlyLookAlikeAreTwoConsumersFromPlanToSecretsFile() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write("""
                version: 1
                consumers:
                  - name: \(Self.composed)
                    permission_group: PERMISO 1 TECNICO
                  - name: \(Self.decomposed)
                    permission_group: PERMISO 1 TECNICO

                """)
            let validated = try await sandbox.run(["validate", "config"])
            #expect(validated.status == 0, "\(validated)")
            #expect(validated.stderr.contains("warning"), "\(validated)")

            let planned = try await sandbox.run(["plan", "config"])
            #expect(planned.stdout.contains("Plan: 2 to add"), "\(planned)")
            let applied = try await sandbox.run(["apply", "config", "--auto-approve", "--secrets-out", "s.json"])
            #expect(applied.status == 0, "\(applied)")

            let live = try await sandbox.live()
            let made = live.consumers.filter { ExactName($0.name) == ExactName(Self.composed) || ExactName($0.name) == ExactName(Self.decomposed) }
            #expect(made.count == 2)
            let text = try sandbox.folder.read("s.json")
            #expect(text.contains(Self.composed.precomposedStringWithCanonicalMapping) && text.unicodeScalars.contains("\u{301}"),
                    "both spellings are in the secrets file")
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            #expect(object != nil)
            #expect(text.components(separatedBy: "\"key\"").count - 1 == 2, "two entries, not one merged")
            #expect(try await sandbox.run(["plan", "config", "--detailed-exitcode"]).status == 0)
        }
    }

    @Test func aBidiOverrideInANameNeverReachesTheTerminalRaw() async throws {
        try await SandboxFixture.with { sandbox in
            let name = "invoice\u{202E}fdp.exe"
            try sandbox.write("""
                version: 1
                consumers:
                  - name: "invoice\\u202Efdp.exe"
                    description: "line one\\u001B[31mred"
                    permission_group: PERMISO 1 TECNICO

                """)
            for arguments in [["plan", "config"], ["plan", "config", "--format", "markdown"],
                              ["apply", "config", "--auto-approve", "--secrets-out", "s.json"]] {
                let result = try await sandbox.run(arguments)
                #expect(result.status == 0, "\(result)")
                let printed = result.stdout + result.stderr
                #expect(!printed.unicodeScalars.contains("\u{202E}"), "\(arguments): no raw bidi override")
                #expect(!printed.unicodeScalars.contains("\u{1B}"), "\(arguments): no raw escape")
                #expect(printed.contains("\\u{202e}"), "\(arguments): shown escaped")
            }
            let live = try await sandbox.live()
            #expect(live.consumers.contains { ExactName($0.name) == ExactName(name) }, "the server got the exact name")
        }
    }

    @Test func aURLWithAPasswordIsRefusedWithoutRepeatingIt() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("version: 1\n", to: "config/main.yaml")
        let result = try await FracttalProcess.run(["plan", "config"], in: folder.url, environment: [
            "FRACTTAL_BASE_URL": "https://ci-user:hunter2secret@acme.example/api",
            "FRACTTAL_CLIENT_ID": "NBqgHRjWA7j1KqLITd", "FRACTTAL_CLIENT_SECRET": "Abc123def456ghi789jkl012mno345pq",
        ])
        #expect(result.status == 1, "\(result)")
        #expect(!result.stderr.contains("hunter2secret") && !result.stdout.contains("hunter2secret"), "\(result)")
        #expect(result.stderr.contains("https://***@acme.example/api"), "\(result)")
    }

    @Test func theToolsSecretNeverAppearsWhateverVariableCarriedIt() async throws {
        try await SandboxFixture.with { sandbox in
            let secret = sandbox.server.bootstrapCredentials.secret
            try sandbox.write("""
                version: 1
                consumers:
                  - name: leaky
                    description: "copied ${env:COPIED} here"
                    permission_group: PERMISO 1 TECNICO

                """)
            let planned = try await sandbox.run(
                ["plan", "config", "--format", "markdown", "--out", "plan.json"], environment: ["COPIED": secret])
            #expect(planned.status == 0, "\(planned)")
            #expect(!planned.leaksAny(of: [secret]))
            #expect(planned.stdout.contains("copied *** here"), "\(planned)")
            #expect(planned.stderr.contains("FRACTTAL_CLIENT_SECRET"), "a warning says what was replaced: \(planned)")
            #expect(planned.stderr.contains("[FRC422]"), "\(planned)")
            #expect(!(try sandbox.folder.read("plan.json")).contains(secret))
        }
    }
}

/// A target that does not offer the consumer and group API.
@Suite(.serialized)
struct MissingAPIEndToEndTests {
    @Test func aListRouteAnswering404SaysTheTargetDoesNotOfferTheAPI() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write("version: 1\n")
            let elsewhere = sandbox.server.apiBaseURL.replacingOccurrences(of: "/api", with: "/v2/other")
            let planned = try await sandbox.run(["plan", "config"], environment: ["FRACTTAL_BASE_URL": elsewhere])
            #expect(planned.status == 1, "\(planned)")
            #expect(planned.stderr.contains("does not offer the OAuth consumer and permission group API"), "\(planned)")
        }
    }
}

/// A gateway's own rate limiter in front of the API, answering outside the contract.
@Suite(.serialized)
struct GatewayRateLimitEndToEndTests {
    /// Seen failing first: such a 429 was a broken contract (no rate-limit headers), or with them an
    /// unreadable answer sent again at once; now it is a rate limit whose `Retry-After` is honoured, and
    /// a wait beyond the five-minute cap is refused at once, naming the header.
    @Test func aGatewaysRetryAfterOfAnHourIsAnErrorNamingTheHeaderNotASleep() async throws {
        try await SandboxFixture.with { sandbox in
            try sandbox.write("version: 1\n")
            try await RateLimitingGateway.with(retryAfter: 3_600) { gateway in
                let started = ContinuousClock.now
                let planned = try await sandbox.run(["plan", "config"], environment: ["FRACTTAL_BASE_URL": gateway])
                #expect(planned.status == 1, "\(planned)")
                #expect(planned.stderr.contains("(Retry-After: 3600)"), "\(planned)")
                #expect(ContinuousClock.now - started < .seconds(60), "nothing was waited for")
            }
        }
    }
}
