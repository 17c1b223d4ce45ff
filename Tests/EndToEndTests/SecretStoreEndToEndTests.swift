import Foundation
import FracttalAPI
import FracttalModel
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport
import Testing

/// The secret store is the record of delivery: a runner that dies, a store that refuses, two applies at
/// once and a secret changed elsewhere, each repaired from another folder that reaches the same store.
@Suite(.serialized)
struct SecretStoreEndToEndTests {
    static let config = """
        version: 1
        consumers:
          - name: held-svc
            description: made while the answer is held
            permission_group: PERMISO 1 TECNICO

        """

    static let threeConsumers = """
        version: 1
        consumers:
          - name: svc-a
            permission_group: PERMISO 1 TECNICO
          - name: svc-b
            permission_group: PERMISO 1 TECNICO
          - name: svc-c
            permission_group: PERMISO 1 TECNICO

        """

    /// The folder helper shipped in the repository.
    static let folderHelper: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("contrib/secret-stores/folder/fracttal-store-folder").path
    }()

    /// The two kinds of store, each reached from any folder: a file at an absolute path, or the folder helper.
    enum Kind: String, CaseIterable, Sendable {
        case file, helper

        /// The store's `--secrets-out` value; the helper's folder is made here.
        func store(in shared: TemporaryFolder) -> String {
            switch self {
            case .file:
                return shared.path("secrets.json")
            case .helper:
                try? FileManager.default.createDirectory(atPath: shared.path("store"), withIntermediateDirectories: true)
                return "exec:\(SecretStoreEndToEndTests.folderHelper) \(shared.path("store"))"
            }
        }
    }

    /// A runner: a fresh folder holding the configuration, and no `.fracttal/` of its own.
    static func runner(_ sandbox: SandboxFixture, config: String = config) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write(config, to: "config/main.yaml")
        return folder
    }

    static func run(
        _ sandbox: SandboxFixture, in folder: TemporaryFolder, _ arguments: [String], environment: [String: String] = [:]
    ) async throws -> FracttalProcess.Result {
        try await FracttalProcess.run(arguments, in: folder.url, environment: sandbox.environment.merging(environment) { _, new in new })
    }

    /// Every declared consumer is live once, its secret in the store works, and a plan with the store has nothing to do.
    static func expectConverged(
        _ sandbox: SandboxFixture, store: String, in folder: TemporaryFolder, names: [String], secretOf: (String) throws -> (key: String, secret: String)?
    ) async throws {
        let live = try await sandbox.live()
        for name in names {
            let matches = live.consumers.filter { $0.name == name }
            #expect(matches.count == 1, "exactly one consumer named \(name)")
            let entry = try #require(try secretOf(name), "the store holds \(name)")
            #expect(entry.key == matches.first?.key)
            #expect(try await sandbox.obtainsToken(key: entry.key, secret: entry.secret))
        }
        let planned = try await run(sandbox, in: folder, ["plan", "config", "--detailed-exitcode", "--secrets-out", store])
        #expect(planned.status == 0, "\(planned)")
    }

    /// The secret the store holds for `name`: the JSON file's entry, or the folder helper's secret file.
    static func secret(of name: String, kind: Kind, shared: TemporaryFolder) throws -> (key: String, secret: String)? {
        switch kind {
        case .file:
            return try SecretsFile(contentsOf: shared.url.appendingPathComponent("secrets.json")).entries[name]
        case .helper:
            let store = shared.url.appendingPathComponent("store")
            guard let files = FileManager.default.enumerator(atPath: store.path) else { return nil }
            // The folder helper keeps one file per consumer: SCOPE/secrets/NAME.json.
            for case let path as String in files where path.contains("/secrets/") && path.hasSuffix(".json") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(contentsOf: store.appendingPathComponent(path))) as? [String: Any],
                      object["name"] as? String == name, let key = object["key"] as? String, let secret = object["secret"] as? String
                else { continue }
                return (key, secret)
            }
            return nil
        }
    }

    @Test(arguments: Kind.allCases)
    func aRunnerKilledDuringAHeldCreateIsRepairedByAnotherRunner(kind: Kind) async throws {
        try await SandboxFixture.with(faults: try FaultPlan.parse("hold_after=1"), faultDelayMilliseconds: 2_500) { sandbox in
            let shared = try TemporaryFolder()
            defer { shared.remove() }
            let store = kind.store(in: shared)
            let first = try Self.runner(sandbox)
            defer { first.remove() }
            let held = sandbox.server.heldChanges.value
            let running = try RunningFracttal(
                ["apply", "config", "--auto-approve", "--secrets-out", store], in: first.url, environment: sandbox.environment)
            // The create's answer is held once the consumer is made.
            try await sandbox.server.heldChanges.reached(held + 1)
            running.send(SIGKILL)
            _ = await running.finish()
            first.remove()

            let second = try Self.runner(sandbox)
            defer { second.remove() }
            // A helper's lock outlives its dead holder until it expires: runner 2 comes after that (its clock moved on).
            let later = kind == .helper ? ["FRACTTAL_STORE_CLOCK_OFFSET": "3700"] : [:]
            let planned = try await Self.run(sandbox, in: second, ["plan", "config", "--secrets-out", store], environment: later)
            #expect(planned.stdout.contains("rotate"), "\(planned)")
            #expect(planned.stdout.contains("interrupted delivery"), "\(planned)")
            let applied = try await Self.run(sandbox, in: second, ["apply", "config", "--auto-approve", "--secrets-out", store], environment: later)
            #expect(applied.status == 0, "\(applied)")
            #expect(applied.stdout.contains("1 secret rotated"), "\(applied)")
            try await Self.expectConverged(sandbox, store: store, in: second, names: ["held-svc"]) { try Self.secret(of: $0, kind: kind, shared: shared) }
        }
    }

    @Test func theStoreRefusingAPutFailsNamingTheConsumerAndAFreshRunnerRepairsIt() async throws {
        try await SandboxFixture.with { sandbox in
            let shared = try TemporaryFolder()
            defer { shared.remove() }
            let store = Kind.helper.store(in: shared)
            let first = try Self.runner(sandbox)
            defer { first.remove() }
            let refused = try await Self.run(
                sandbox, in: first, ["apply", "config", "--auto-approve", "--secrets-out", store],
                environment: ["FRACTTAL_STORE_FOLDER_FAIL_PUT": "held-svc"])
            #expect(refused.status == 1, "\(refused)")
            let key = try #require(try await sandbox.live().consumers.first { $0.name == "held-svc" }?.key)
            #expect(refused.stderr.contains("held-svc") && refused.stderr.contains(key), "\(refused)")
            #expect(refused.stderr.contains("[FRC314]"), "\(refused)")

            let second = try Self.runner(sandbox)
            defer { second.remove() }
            let repaired = try await Self.run(sandbox, in: second, ["apply", "config", "--auto-approve", "--secrets-out", store])
            #expect(repaired.status == 0, "\(repaired)")
            #expect(repaired.stdout.contains("1 secret rotated"), "\(repaired)")
            try await Self.expectConverged(sandbox, store: store, in: second, names: ["held-svc"]) { try Self.secret(of: $0, kind: .helper, shared: shared) }
        }
    }

    @Test(arguments: Kind.allCases)
    func aSecretRegeneratedOutsideTheToolIsRotatedShowingBothIssueTimes(kind: Kind) async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_790_000_000))
        try await SandboxFixture.with(clock: clock) { sandbox in
            let shared = try TemporaryFolder()
            defer { shared.remove() }
            let store = kind.store(in: shared)
            let runner = try Self.runner(sandbox)
            defer { runner.remove() }
            let created = try await Self.run(sandbox, in: runner, ["apply", "config", "--auto-approve", "--secrets-out", store])
            #expect(created.status == 0, "\(created)")
            let key = try #require(try await sandbox.live().consumers.first { $0.name == "held-svc" }?.key)

            clock.advance(seconds: 60)
            let client = try sandbox.client()
            _ = try await client.rotateSecret(key: key)
            try await client.shutdown()

            let planned = try await Self.run(sandbox, in: runner, ["plan", "config", "--secrets-out", store, "--detailed-exitcode"])
            #expect(planned.status == 2, "\(planned)")
            #expect(planned.stdout.contains("the store holds the secret issued at 2026-09-21T14:13:20Z"), "\(planned)")
            #expect(planned.stdout.contains("the live secret was issued at 2026-09-21T14:14:20Z"), "\(planned)")
            let markdown = try await Self.run(sandbox, in: runner, ["plan", "config", "--secrets-out", store, "--format", "json"])
            #expect(markdown.stdout.contains("changed outside this tool"), "\(markdown)")
            let repaired = try await Self.run(sandbox, in: runner, ["apply", "config", "--auto-approve", "--secrets-out", store])
            #expect(repaired.status == 0, "\(repaired)")
            try await Self.expectConverged(sandbox, store: store, in: runner, names: ["held-svc"]) { try Self.secret(of: $0, kind: kind, shared: shared) }
        }
    }

    @Test(arguments: Kind.allCases)
    func twoAppliesAtOnceMakeNoDuplicate(kind: Kind) async throws {
        try await SandboxFixture.with(faults: try FaultPlan.parse("latency=400-400ms")) { sandbox in
            let shared = try TemporaryFolder()
            defer { shared.remove() }
            let store = kind.store(in: shared)
            let first = try Self.runner(sandbox, config: Self.threeConsumers)
            let second = try Self.runner(sandbox, config: Self.threeConsumers)
            let third = try Self.runner(sandbox, config: Self.threeConsumers)
            defer { [first, second, third].forEach { $0.remove() } }
            let arguments = ["apply", "config", "--auto-approve", "--parallelism", "1", "--secrets-out", store]
            let before = sandbox.server.requestCount
            let running = try RunningFracttal(arguments, in: first.url, environment: sandbox.environment)
            // Apply takes the lock before it reads the live state.
            try await sandbox.server.requests.reached(before + 1)
            let waiting = try RunningFracttal(arguments + ["--lock-timeout", "2m"], in: third.url, environment: sandbox.environment)
            let refused = try await Self.run(sandbox, in: second, arguments)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains("[FRC320]"), "\(refused)")
            #expect(refused.stderr.contains("fracttal unlock"), "\(refused)")
            let done = await running.finish()
            #expect(done.status == 0, "\(done)")
            let waited = await waiting.finish()
            #expect(waited.status == 0, "\(waited)")
            #expect(waited.stderr.contains("waiting up to 120s for the lock"), "\(waited)")
            #expect(waited.stdout.contains("No changes"), "\(waited)")
            try await Self.expectConverged(sandbox, store: store, in: first, names: ["svc-a", "svc-b", "svc-c"]) {
                try Self.secret(of: $0, kind: kind, shared: shared)
            }
        }
    }

    /// Starts an apply of `name` and kills it (SIGKILL) while the server holds the answer to its create.
    static func killDuringCreate(_ sandbox: SandboxFixture, name: String, store: String, in runner: TemporaryFolder) async throws {
        try runner.write(config.replacingOccurrences(of: "held-svc", with: name), to: "config/main.yaml")
        let held = sandbox.server.heldChanges.value
        let running = try RunningFracttal(
            ["apply", "config", "--auto-approve", "--secrets-out", store], in: runner.url, environment: sandbox.environment)
        try await sandbox.server.heldChanges.reached(held + 1)
        running.send(SIGKILL)
        _ = await running.finish()
    }

    @Test func aLockLeftByAKilledApplyIsFreedWithTheProcessForAFile() async throws {
        try await SandboxFixture.with(faults: try FaultPlan.parse("hold_after=1"), faultDelayMilliseconds: 2_500) { sandbox in
            let shared = try TemporaryFolder()
            defer { shared.remove() }
            let store = Kind.file.store(in: shared)
            let runner = try Self.runner(sandbox)
            defer { runner.remove() }
            try await Self.killDuringCreate(sandbox, name: "lock-file", store: store, in: runner)
            let next = try await Self.run(sandbox, in: runner, ["apply", "config", "--auto-approve", "--secrets-out", store])
            #expect(next.status == 0, "the kernel freed the dead process's lock: \(next)")
        }
    }

    @Test func aHelpersLockLeftByAKilledApplyIsRemovedByUnlockOrFreesItselfWhenItExpires() async throws {
        try await SandboxFixture.with(faults: try FaultPlan.parse("hold_after=1"), faultDelayMilliseconds: 2_500) { sandbox in
            let shared = try TemporaryFolder()
            defer { shared.remove() }
            let store = Kind.helper.store(in: shared)
            let runner = try Self.runner(sandbox)
            defer { runner.remove() }

            try await Self.killDuringCreate(sandbox, name: "lock-one", store: store, in: runner)
            let planned = try await Self.run(sandbox, in: runner, ["plan", "config", "--secrets-out", store])
            #expect(planned.stdout.contains("in progress"), "\(planned)")
            let refused = try await Self.run(sandbox, in: runner, ["apply", "config", "--auto-approve", "--secrets-out", store])
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains("[FRC320]") && refused.stderr.contains("pid"), "\(refused)")
            let lockID = try #require(refused.stderr.firstMatch(of: /fracttal unlock (\S+)`/).map { String($0.1) })
            let unlocked = try await Self.run(sandbox, in: runner, ["unlock", lockID, "--secrets-out", store])
            #expect(unlocked.status == 0, "\(unlocked)")
            let repaired = try await Self.run(sandbox, in: runner, ["apply", "config", "--auto-approve", "--secrets-out", store])
            #expect(repaired.status == 0, "\(repaired)")
            #expect(repaired.stdout.contains("1 secret rotated"), "\(repaired)")

            // A second dead runner's lock is taken over once it has expired (the helper's clock moved past its life).
            try await Self.killDuringCreate(sandbox, name: "lock-two", store: store, in: runner)
            let later = try await Self.run(
                sandbox, in: runner, ["apply", "config", "--auto-approve", "--secrets-out", store],
                environment: ["FRACTTAL_STORE_CLOCK_OFFSET": "3700"])
            #expect(later.status == 0, "\(later)")
            try await Self.expectConverged(sandbox, store: store, in: runner, names: ["lock-two"]) { try Self.secret(of: $0, kind: .helper, shared: shared) }
        }
    }
}
