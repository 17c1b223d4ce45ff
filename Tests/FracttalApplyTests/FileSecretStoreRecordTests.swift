import Foundation
import FracttalApply
import FracttalModel
import FracttalTestSupport
import Synchronization
import Testing

/// The file store keeps its record of delivery with the secrets, and leaves what is not its own as it was.
struct FileSecretStoreRecordTests {
    static let credentials = ConsumerCredentials(key: "KEYA00000000000000", secret: "SecretAAAAAAAAAAAAAAAAAAAAAAAAAA")

    static func mark(_ id: String, _ action: PendingMark.Action = .create) -> PendingMark {
        PendingMark(intent: id, action: action, priorKeys: ["KOLD00000000000000"])
    }

    @Test(arguments: [SecretsFormat.json, .env])
    func aMarkIsDurableUntilThePutOfItsSecretClearsIt(format: SecretsFormat) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path(format == .json ? "s.json" : "s.env")
        let store = try await fileStore(path, format: format)
        try await store.intend(DeliveryIntent(name: "erp", mark: Self.mark("i1")))
        try await store.intend(DeliveryIntent(name: "bi", mark: Self.mark("i2")))

        // Another process (a new runner) reads the marks from the file alone.
        let reread = try await fileStore(path, format: format).record()
        #expect(Set(reread.entries.compactMap(\.pending?.intent)) == ["i1", "i2"])
        #expect(reread.entries.first { $0.name == "erp" }?.pending?.priorKeys == ["KOLD00000000000000"])

        try await store.put(DeliveredSecret(intent: "i1", name: "erp", key: Self.credentials.key, secret: Self.credentials.secret, secretCreatedAt: testIssueTime))
        try await store.withdraw(["i2"])
        let after = try await fileStore(path, format: format).record()
        #expect(after.entries == [StoredSecretEntry(name: "erp", key: Self.credentials.key, secretCreatedAt: testIssueTime)])
        #expect(!(try folder.read((path as NSString).lastPathComponent)).contains("i1"))
    }

    @Test func aStoreOfAnotherScopeIsRefused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await fileStore(folder.path("s.json")).write(Self.credentials, for: "erp")
        let other = StoreScope(target: "https://other.example/api", signingKey: "KOWN00000000000000")
        let error = await #expect(throws: SecretStoreError.self) {
            _ = try await StoreSession.open(FileSecretStore(path: folder.path("s.json")), scope: other)
        }
        #expect(error?.code == "FRC318")
        #expect(error?.description.contains("https://acme.example/api") == true)
    }

    @Test func aByteOrderMarkAndAnotherConsumersEntryAreKept() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = "\u{FEFF}" + #"{"other": {"key": "KOTHER", "secret": "SOTHER"}}"#
        try folder.write(text, to: "s.json")
        try await fileStore(folder.path("s.json")).write(Self.credentials, for: "erp")
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.path("s.json")))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let written = try jsonSecrets(String(decoding: data.dropFirst(3), as: UTF8.self))
        #expect(written["other"] == ["key": "KOTHER", "secret": "SOTHER"])
        #expect(written["erp"]?["key"] == Self.credentials.key)
    }

    @Test func aSymbolicLinkIsWrittenThroughToItsTarget() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("mounted"), withIntermediateDirectories: false)
        try folder.write("{}", to: "mounted/real.json")
        try FileManager.default.createSymbolicLink(atPath: folder.path("s.json"), withDestinationPath: "mounted/real.json")
        try await fileStore(folder.path("s.json")).write(Self.credentials, for: "erp")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("s.json")) == "mounted/real.json")
        #expect(try jsonSecrets(try folder.read("mounted/real.json"))["erp"]?["key"] == Self.credentials.key)
        #expect(try folder.mode(of: "mounted/real.json") == 0o600)
    }

    @Test func everyEnvLineThatIsNotThisAppliesEntryStaysByteForByte() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let others = """
            # kept
            FRACTTAL_LEGACY_SECRET="pa'ss"
            FRACTTAL_OTHER_SECRET=abc # note
            export FRACTTAL_THIRD_KEY='x y'
            PLAIN=1

            """
        try folder.write(others, to: "s.env")
        try await fileStore(folder.path("s.env"), format: .env).write(Self.credentials, for: "erp")
        let text = try folder.read("s.env")
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("# fracttal: ") && !$0.hasPrefix("FRACTTAL_ERP_") }
        #expect(kept.joined(separator: "\n") == others)
        #expect(text.contains("FRACTTAL_ERP_KEY=\(Self.credentials.key)\n"))
    }

    /// A record line torn in mid-write (a crash of another tool) is reported with its line number, never skipped.
    @Test func aTornRecordLineIsReportedWithItsLineNumber() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("FRACTTAL_OTHER_KEY=K\n# fracttal: {\"pending\":[{\"intent\":\"i1\",\"na\n", to: "s.env")
        let error = await #expect(throws: SecretStoreError.self) {
            try await fileStore(folder.path("s.env"), format: .env).write(Self.credentials, for: "erp")
        }
        #expect(error?.description.contains("line 2") == true, "\(String(describing: error))")
        #expect(try folder.read("s.env").hasSuffix("\"na\n"), "the file is left as it was")
    }

    @Test(arguments: ["client", "Client", "CLIENT"])
    func aNameThatMakesAVariableTheToolReadsIsRefused(name: String) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let env = try await fileStore(folder.path("s.env"), format: .env)
        let error = #expect(throws: SecretStoreError.self) { try env.checkCollisions(names: ["erp", name]) }
        #expect(error?.code == "FRC323")
        #expect(error?.description.contains("FRACTTAL_CLIENT_SECRET") == true)
        #expect(error?.description.contains("--secrets-format json") == true)
        try await fileStore(folder.path("s.json")).checkCollisions(names: [name])
    }

    /// The wait for a held lock runs on the injected clock: it tries once a second for the whole timeout,
    /// tells of the holder once, and ends naming how long it waited, without waiting for real.
    @Test func aHeldLockIsWaitedForOnTheInjectedClockUntilTheTimeout() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try await fileStore(folder.path("s.json"))
        try await first.lock(holder: "ci@runner-1 pid 1", timeout: .zero)
        let clock = VirtualClock()
        let second = try await StoreSession.open(FileSecretStore(path: folder.path("s.json"), format: .json), scope: testScope, clock: clock)
        let told = Mutex(0)
        let error = await #expect(throws: SecretStoreError.self) {
            try await second.lock(holder: "ci@runner-2 pid 2", timeout: .seconds(30)) { _ in told.withLock { $0 += 1 } }
        }
        #expect(error?.code == "FRC320")
        #expect(clock.elapsed == .seconds(30))
        #expect(told.withLock { $0 } == 1)
        await first.close()
        await second.close()
    }

    @Test func aSecondHolderOfTheLockIsToldWhoHoldsIt() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try await fileStore(folder.path("s.json"))
        try await first.lock(holder: "ci@runner-1 pid 1", timeout: .zero)
        let second = try await fileStore(folder.path("s.json"))
        let error = await #expect(throws: SecretStoreError.self) { try await second.lock(holder: "ci@runner-2 pid 2", timeout: .zero) }
        #expect(error?.code == "FRC320")
        #expect(error?.description.contains("ci@runner-1 pid 1") == true)
        #expect(try await second.record().lockedByOther)
        await first.close()
        try await second.lock(holder: "ci@runner-2 pid 2", timeout: .zero)
        await second.close()
        #expect(FileManager.default.fileExists(atPath: folder.path("s.json.lock")), "the lock file is never removed")
    }
}
