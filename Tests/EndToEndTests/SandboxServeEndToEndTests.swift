import Foundation
import FracttalAPI
import FracttalModel
import FracttalSandbox
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
}
