import Foundation
import FracttalApply
import FracttalModel
import FracttalTestSupport
import Testing

/// The env secrets file is safe to `source` and to feed to dotenv readers, whatever the server returns.
struct EnvSecretsQuotingTests {
    static let hostile: [(name: String, credentials: ConsumerCredentials)] = [
        ("plain", ConsumerCredentials(key: "NBqgHRjWA7j1KqLITd", secret: "Abc123def456ghi789jkl012mno345pq")),
        ("command", ConsumerCredentials(key: "K$(touch pwned)", secret: "`touch pwned`;touch pwned")),
        ("spaces", ConsumerCredentials(key: "a b  c", secret: "x && touch pwned # y")),
        ("quotes", ConsumerCredentials(key: "say \"hi\"", secret: "back\\slash $HOME ${HOME} é")),
    ]
    static let unquotable: [(name: String, credentials: ConsumerCredentials)] = [
        ("apostrophe", ConsumerCredentials(key: "it's", secret: "plain")),
        ("newline", ConsumerCredentials(key: "K", secret: "line\nbreak")),
    ]

    /// Runs a shell command in `folder` and returns its standard output, on a Dispatch thread rather
    /// than one of the concurrency pool.
    static func run(_ arguments: [String], in folder: String) async throws -> String {
        let (status, output) = try await blocking { Result { try runBlocking(arguments, in: folder) } }.get()
        #expect(status == 0, "\(arguments)")
        return output
    }

    private static func runBlocking(_ arguments: [String], in folder: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aSourcedFileRunsNothingAndReadsBackExactly() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sink = try await fileStore(folder.path("s.env"), format: .env)
        for (name, credentials) in Self.hostile {
            try await sink.write(credentials, for: name)
        }
        for (name, credentials) in Self.unquotable {
            await #expect(throws: (any Error).self, "\(name) cannot be stored safely") { try await sink.write(credentials, for: name) }
        }
        var script = "set -eu; . ./s.env"
        for (name, _) in Self.hostile {
            let envName = SecretEnvironmentName.name(for: name)
            script += "; printf '%s\\0%s\\0' \"$FRACTTAL_\(envName)_KEY\" \"$FRACTTAL_\(envName)_SECRET\""
        }
        for shell in ["sh", "bash"] {
            let read = try await Self.run([shell, "-c", script], in: folder.path).split(separator: "\0", omittingEmptySubsequences: false)
            let expected = Self.hostile.flatMap { [$0.credentials.key, $0.credentials.secret] }
            #expect(read.prefix(expected.count).map(String.init) == expected, "\(shell) reads every value back exactly")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("pwned")), "sourcing ran nothing")

        // What no quoting makes safe is refused, kept in memory only, and nowhere in the env file.
        let envText = try folder.read("s.env")
        #expect(!envText.contains("it's") && !envText.contains("line\nbreak"))
        #expect(sink.unsavedSecrets.map(\.name) == ["apostrophe", "newline"])
    }

    @Test func aDotenvReaderReadsTheSameValues() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sink = try await fileStore(folder.path("s.env"), format: .env)
        for (name, credentials) in Self.hostile { try await sink.write(credentials, for: name) }
        let read = try await Self.run(
            ["python3", "-c", "import json,dotenv; print(json.dumps(dotenv.dotenv_values('s.env', interpolate=False)))"],
            in: folder.path)
        let values = try JSONDecoder().decode([String: String].self, from: Data(read.utf8))
        for (name, credentials) in Self.hostile {
            let envName = SecretEnvironmentName.name(for: name)
            #expect(values["FRACTTAL_\(envName)_KEY"] == credentials.key)
            #expect(values["FRACTTAL_\(envName)_SECRET"] == credentials.secret)
        }
    }

    @Test func quotedValuesAreReadBackWhenTheFileIsMergedAgain() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await fileStore(folder.path("s.env"), format: .env).write(Self.hostile[2].credentials, for: "spaces")
        try await fileStore(folder.path("s.env"), format: .env).write(Self.hostile[0].credentials, for: "plain")
        let text = try folder.read("s.env")
        #expect(text.contains("FRACTTAL_SPACES_SECRET='x && touch pwned # y'"))
        #expect(text.contains("FRACTTAL_PLAIN_KEY=NBqgHRjWA7j1KqLITd\n"))
    }
}
