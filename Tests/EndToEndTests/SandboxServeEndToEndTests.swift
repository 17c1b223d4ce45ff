import Foundation
import FracttalAPI
import FracttalModel
import FracttalSandbox
import FracttalTestSupport
import Testing

/// `fracttal sandbox serve` as a process: addresses on stdout, credentials only in the file.
struct SandboxServeEndToEndTests {
    @Test func servesPrintsItsAddressesAndWritesCredentialsPrivately() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let process = Process()
        process.executableURL = FracttalProcess.executableURL
        process.arguments = ["sandbox", "serve", "--port", "0", "--data", "company.sqlite", "--credentials-out", "credentials.json"]
        process.currentDirectoryURL = folder.url
        process.environment = FracttalProcess.cleanEnvironment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()

        let reader = output.fileHandleForReading
        let printed = await blocking {
            var printed = ""
            while !(printed.contains("/oauth/token") && printed.contains("/api")) {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                printed += String(decoding: chunk, as: UTF8.self)
            }
            return printed
        }
        let words = printed.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let apiURL = try #require(words.first { $0.hasPrefix("http://127.0.0.1:") && $0.hasSuffix("/api") }, "\(printed)")
        let tokenURL = try #require(words.first { $0.hasPrefix("http://127.0.0.1:") && $0.hasSuffix("/oauth/token") }, "\(printed)")

        let credentialsURL = folder.url.appendingPathComponent("credentials.json")
        #expect(try SecretsFile.mode(of: credentialsURL) == 0o600)
        let credentials = try JSONSerialization.jsonObject(with: Data(contentsOf: credentialsURL)) as? [String: String]
        let key = try #require(credentials?["key"])
        let secret = try #require(credentials?["secret"])
        #expect(!printed.contains(secret))

        let client = try FracttalClient(configuration: ClientConfiguration(
            baseURL: apiURL, tokenURL: tokenURL, credentials: ClientCredentials(key: key, secret: secret)
        ))
        let live = await Result(catching: { try await client.readLiveState() })
        try? await client.shutdown()
        #expect(try live.get().consumers.contains { $0.name == "ci-bootstrap" && $0.key == key })

        process.terminate()
        let errorReader = errors.fileHandleForReading
        let (rest, logged) = await blocking {
            process.waitUntilExit()
            return (
                String(decoding: reader.readDataToEndOfFile(), as: UTF8.self),
                String(decoding: errorReader.readDataToEndOfFile(), as: UTF8.self)
            )
        }
        #expect(process.terminationStatus == 0)
        #expect(!rest.contains(secret) && !logged.contains(secret))
    }

    /// Runs `fracttal` with arguments expected to make it exit at once; a run still going after
    /// 60 seconds (serving, say) is terminated and reported.
    private func runExpectingExit(_ arguments: [String]) async throws -> FracttalProcess.Result {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let process = Process()
        process.executableURL = FracttalProcess.executableURL
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        process.environment = FracttalProcess.cleanEnvironment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // A bound for a run that does not end, not a wait: the process is terminated if still running.
        let overdue = Locked(false)
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) {
            guard process.isRunning else { return }
            overdue.withLock { $0 = true }
            process.terminate()
        }
        let (exited, stdout, stderr) = await blocking {
            process.waitUntilExit()
            return (
                !overdue.value,
                String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            )
        }
        #expect(exited, "fracttal \(arguments.joined(separator: " ")) was still running after 60 s")
        return FracttalProcess.Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    @Test(arguments: ["0.0.0.0", "::", "192.0.2.1"])
    func refusesANonLoopbackHostWithoutServing(_ host: String) async throws {
        let result = try await runExpectingExit(["sandbox", "serve", "--host", host, "--port", "0"])
        #expect(result.status == 1, "\(result)")
        #expect(!result.stdout.contains("http://"), "\(result)")
        #expect(result.stderr.contains("--allow-remote"), "\(result)")
        #expect(result.stderr.contains(host), "\(result)")
        #expect(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1, "\(result)")
    }

    @Test(arguments: [["--fault-delay", "soon"], ["--fault-delay=-5"]])
    func refusesABadFaultDelayInOneSentence(_ extra: [String]) async throws {
        let result = try await runExpectingExit(["sandbox", "serve", "--port", "0"] + extra)
        #expect(result.status == 1, "\(result)")
        #expect(!result.stdout.contains("http://"), "\(result)")
        #expect(result.stderr.contains("--fault-delay"), "\(result)")
        #expect(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1, "\(result)")
    }

    /// `--faults` is read while the arguments are parsed: a usage error that carries the parser's reason.
    @Test(arguments: [
        (["--faults", "explode=1"], "late_commit"),
        (["--faults", "gateway_before=0.7,late_commit=0.7"], "at most 1"),
    ])
    func refusesBadFaultsAsAUsageError(_ extra: [String], _ expected: String) async throws {
        let result = try await runExpectingExit(["sandbox", "serve", "--port", "0"] + extra)
        #expect(result.status == 1, "\(result)")
        #expect(!result.stdout.contains("http://"), "\(result)")
        #expect(result.stderr.hasPrefix("Error: The value '\(extra[1])' is invalid for '--faults <spec>': "), "\(result)")
        #expect(result.stderr.contains(expected), "\(result)")
    }
}
