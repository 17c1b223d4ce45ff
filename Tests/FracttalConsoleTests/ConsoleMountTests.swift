import AsyncHTTPClient
import FracttalConsole
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

/// The console is served where it is mounted only: `sandbox serve` mounts it, while the embedded
/// sandbox of `plan`, `apply` and `export` starts without routes beside its own.
struct ConsoleMountTests {
    private static let paths = ["/console", "/console/", "/console/login", "/console/consumers", "/console/static/console.css"]

    @Test func aSandboxStartedWithoutTheConsoleHasNoConsolePages() async throws {
        try await TestSandbox.with { sandbox in
            for path in Self.paths {
                let reply = try await sandbox.send(HTTPClientRequest(url: sandbox.server.loopbackOrigin + path))
                #expect(reply.status == 404, "\(path)")
                #expect(reply.headers["x-frame-options"] == nil, "\(path)")
            }
            // The API is served as ever.
            #expect(try await sandbox.call(.GET, "/permissions/", token: try await sandbox.token()).status == 200)
        }
    }

    @Test func aSandboxStartedWithTheConsoleAnswersWithItsLoginPage() async throws {
        try await ConsoleBrowser.with { browser in
            let reply = try await browser.get("/console/")
            #expect(reply.status == 403)
            #expect(reply.text.contains("Log in with the console"))
            #expect(reply.headers["x-frame-options"] == "DENY")
            #expect(try await browser.logIn().headers["location"] == "/console/consumers")
        }
    }
}
