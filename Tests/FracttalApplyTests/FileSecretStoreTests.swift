import Foundation
import FracttalApply
import FracttalModel
import FracttalTestSupport
import Testing

struct FileSecretStoreTests {
    static let credentialsA = ConsumerCredentials(key: "KEYA00000000000000", secret: "SecretAAAAAAAAAAAAAAAAAAAAAAAAAA")
    static let credentialsB = ConsumerCredentials(key: "KEYB00000000000000", secret: "SecretBBBBBBBBBBBBBBBBBBBBBBBBBB")

    @Test func aNewFileHasMode0600() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sink = try await fileStore(folder.path("s.json"))
        try await sink.write(Self.credentialsA, for: "a")
        #expect(try folder.mode(of: "s.json") == 0o600)
    }

    @Test func anExistingFileGetsMode0600() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("{}", to: "s.json", mode: 0o644)
        try folder.write("", to: "s.env", mode: 0o666)
        try await fileStore(folder.path("s.json")).write(Self.credentialsA, for: "a")
        try await fileStore(folder.path("s.env"), format: .env).write(Self.credentialsA, for: "a")
        #expect(try folder.mode(of: "s.json") == 0o600)
        #expect(try folder.mode(of: "s.env") == 0o600)
    }

    @Test func writesANewFileAndRenamesItOverTheOld() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("{}\n", to: "s.json", mode: 0o600)
        // A hard link keeps the old file's content only if the new content went to another file.
        try FileManager.default.linkItem(atPath: folder.path("s.json"), toPath: folder.path("old-link"))
        try await fileStore(folder.path("s.json")).write(Self.credentialsA, for: "a")
        #expect(try folder.read("old-link") == "{}\n")
        #expect(try jsonSecrets(try folder.read("s.json"))["a"]?["key"] == Self.credentialsA.key)
        #expect(try folder.entries() == ["old-link", "s.json"], "no temporary file is left behind")
    }

    @Test func jsonIsMergedSortedAndPretty() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(#"{"z": {"key": "KZ", "secret": "SZ", "note": "kept"}, "b": {"key": "OLD", "secret": "OLD"}}"#, to: "s.json")
        let sink = try await fileStore(folder.path("s.json"))
        try await sink.write(Self.credentialsB, for: "b")
        try await sink.write(Self.credentialsA, for: "consumidorfabian09/05")
        let text = try folder.read("s.json")
        let object = try jsonSecrets(text)
        #expect(object == [
            "b": ["key": Self.credentialsB.key, "secret": Self.credentialsB.secret],
            "consumidorfabian09/05": ["key": Self.credentialsA.key, "secret": Self.credentialsA.secret],
            "z": ["key": "KZ", "secret": "SZ", "note": "kept"],
        ])
        // Sorted keys, one entry per line, the slash not escaped, and a final newline.
        let b = try #require(text.range(of: "\"b\""))
        let c = try #require(text.range(of: "\"consumidorfabian09/05\""))
        let z = try #require(text.range(of: "\"z\""))
        #expect(b.lowerBound < c.lowerBound && c.lowerBound < z.lowerBound)
        #expect(text.split(separator: "\n").count > 10)
        #expect(text.hasSuffix("}\n"))
    }

    @Test func envIsMergedKeepingOtherLines() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("""
            # secrets for the ERP
            OTHER=1
            export FRACTTAL_B_KEY="OLDKEY"
            FRACTTAL_OLD_KEY=KOLD
            FRACTTAL_OLD_SECRET=SOLD
            FRACTTAL_B_SECRET=OLDSECRET

            """, to: "s.env")
        let sink = try await fileStore(folder.path("s.env"), format: .env)
        try await sink.write(Self.credentialsB, for: "b")
        try await sink.write(Self.credentialsA, for: "Conexiones API Fracttal Imè")
        #expect(try folder.read("s.env") == """
            # fracttal: {"scope":"\(testScope.text)","store":1}
            # fracttal: {"entry":{"key":"\(Self.credentialsA.key)","name":"Conexiones API Fracttal Imè","secret_created_at":"2026-05-28T20:26:40Z"}}
            # fracttal: {"entry":{"key":"\(Self.credentialsB.key)","name":"b","secret_created_at":"2026-05-28T20:26:40Z"}}
            # secrets for the ERP
            OTHER=1
            FRACTTAL_B_KEY=\(Self.credentialsB.key)
            FRACTTAL_B_SECRET=\(Self.credentialsB.secret)
            FRACTTAL_OLD_KEY=KOLD
            FRACTTAL_OLD_SECRET=SOLD
            FRACTTAL_CONEXIONES_API_FRACTTAL_IM__KEY=\(Self.credentialsA.key)
            FRACTTAL_CONEXIONES_API_FRACTTAL_IM__SECRET=\(Self.credentialsA.secret)

            """)
    }

    @Test(arguments: [
        ("consumidorfabian09/05", "CONSUMIDORFABIAN09_05"),
        ("Conexiones API Fracttal Imè", "CONEXIONES_API_FRACTTAL_IM_"),
        ("Conexiones API Fracttal Ime\u{300}", "CONEXIONES_API_FRACTTAL_IM_"),
        ("erp-sync", "ERP_SYNC"),
        ("a  --  b", "A_B"),
        ("_x_", "_X_"),
        ("consumidor alex", "CONSUMIDOR_ALEX"),
        ("Ünïcode", "_N_CODE"),
        ("ABC123", "ABC123"),
    ])
    func envNames(name: String, expected: String) {
        #expect(SecretEnvironmentName.name(for: name) == expected)
    }

    @Test func envVariablesUseTheName() {
        #expect(SecretEnvironmentName.keyVariable(for: "consumidorfabian09/05") == "FRACTTAL_CONSUMIDORFABIAN09_05_KEY")
        #expect(SecretEnvironmentName.secretVariable(for: "consumidorfabian09/05") == "FRACTTAL_CONSUMIDORFABIAN09_05_SECRET")
    }

    @Test func collidingNamesAreAnErrorInEnvFormatOnly() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let env = try await fileStore(folder.path("s.env"), format: .env)
        let error = #expect(throws: SecretStoreError.self) {
            try env.checkCollisions(names: ["erp sync", "erp-sync"])
        }
        #expect(error?.code == "FRC310")
        #expect(error?.description.contains("\"erp sync\"") == true)
        #expect(error?.description.contains("\"erp-sync\"") == true)
        #expect(error?.description.contains("FRACTTAL_ERP_SYNC_KEY") == true)
        try env.checkCollisions(names: ["erp", "erp", "Erp2"])
        try await fileStore(folder.path("s.json")).checkCollisions(names: ["erp sync", "erp-sync"])
        #expect(try folder.entries().isEmpty, "checking writes nothing")
    }

    @Test func errorsNeverHoldTheSecret() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sink = try await fileStore(folder.path("missing/s.json"))
        let error = await #expect(throws: SecretStoreError.self) {
            try await sink.write(Self.credentialsA, for: "a")
        }
        let text = try #require(error).description
        #expect(text.contains("missing"))
        #expect(!text.contains(Self.credentialsA.secret))
        #expect(!String(reflecting: try #require(error)).contains(Self.credentialsA.secret))
        let unsaved = sink.unsavedSecrets
        #expect(unsaved == [UnsavedSecret(name: "a", key: Self.credentialsA.key)])
        #expect(!String(describing: unsaved).contains(Self.credentialsA.secret))
        var dumped = ""
        dump(unsaved, to: &dumped)
        #expect(!dumped.contains(Self.credentialsA.secret))
    }

    @Test func concurrentWritesAreAllKept() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sink = try await fileStore(folder.path("s.env"), format: .env)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<20 {
                group.addTask {
                    try await sink.write(ConsumerCredentials(key: "KEY\(number)", secret: "S\(number)"), for: "c\(number)")
                }
            }
            try await group.waitForAll()
        }
        let lines = try folder.read("s.env").split(separator: "\n").filter { !$0.hasPrefix("# fracttal: ") }
        #expect(lines.count == 40)
        #expect(lines.contains("FRACTTAL_C7_KEY=KEY7"))
    }

    @Test func namesThatNeedEscapingReadBackExactlyAndTheLayoutIsFoundations() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sink = try await fileStore(folder.path("s.json"))
        let names = ["plain", #"quote " and \ backslash"#, "a/b", "tab\there", "line\nbreak", "José", "emoji 🛠️", "\u{1}"]
        for (index, name) in names.enumerated() {
            let credentials = ConsumerCredentials(key: "KEY\(index)", secret: "Secret/\(index)\"")
            try await sink.write(credentials, for: name)
        }
        let text = try folder.read("s.json")
        let read = try jsonSecrets(text)
        #expect(Set(read.keys) == Set(names))
        for (index, name) in names.enumerated() {
            #expect(read[name] == ["key": "KEY\(index)", "secret": "Secret/\(index)\""])
        }
        // ASCII names sort alike scalar by scalar and in Foundation's sorted keys: the bytes are Foundation's.
        let ascii = try await fileStore(folder.path("ascii.json"))
        try await ascii.write(Self.credentialsB, for: "b/x")
        try await ascii.write(Self.credentialsA, for: "a")
        let issued = "2026-05-28T20:26:40Z"
        let expected = try JSONSerialization.data(
            withJSONObject: [
                "": ["pending": [String](), "scope": testScope.text, "store": 1] as [String: Any],
                "a": ["key": Self.credentialsA.key, "secret": Self.credentialsA.secret, "secret_created_at": issued],
                "b/x": ["key": Self.credentialsB.key, "secret": Self.credentialsB.secret, "secret_created_at": issued],
            ],
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        #expect(try folder.read("ascii.json") == String(decoding: expected, as: UTF8.self) + "\n")
    }
}

/// Secrets arriving together are written in groups, each on disk before its `write` returns.
struct FileSecretStoreGroupingTests {
    @Test func manyConcurrentWritesAllLandAndEachIsOnDiskWhenItReturns() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(#"{"kept": {"key": "KEPT", "secret": "KEPT"}}"#, to: "s.json")
        let sink = try await fileStore(folder.path("s.json"))
        let path = folder.path("s.json")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let key = String(format: "K%017d", index)
                    try await sink.write(ConsumerCredentials(key: key, secret: "S" + key), for: "consumer-\(index)")
                    let onDisk = try jsonSecrets(try String(contentsOfFile: path, encoding: .utf8))
                    #expect(onDisk["consumer-\(index)"]?["key"] == key)
                }
            }
            try await group.waitForAll()
        }
        let written = try jsonSecrets(try folder.read("s.json"))
        #expect(written.count == 201)
        #expect(written["kept"]?["key"] == "KEPT")
        #expect(try folder.mode(of: "s.json") == 0o600)
        #expect(try folder.entries() == ["s.json"])
    }

    @Test func anEnvFileHoldingJSONIsRefusedBeforeAnyChange() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(#"{"a": {"key": "K", "secret": "S"}}"#, to: "s.env")
        try folder.write("FRACTTAL_A_KEY=K\nFRACTTAL_A_SECRET=S\n", to: "s.json")
        let error = await #expect(throws: SecretStoreError.self) { _ = try await fileStore(folder.path("s.env"), format: .env) }
        #expect(error?.code == "FRC312")
        #expect(error?.description.contains("--secrets-format json") == true)
        let other = await #expect(throws: SecretStoreError.self) { _ = try await fileStore(folder.path("s.json")) }
        #expect(other?.description.contains("--secrets-format env") == true)
    }

}
