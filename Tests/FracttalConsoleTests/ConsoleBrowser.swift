import AsyncHTTPClient
import Foundation
import FracttalConsole
import FracttalSandbox
import FracttalSandboxTestSupport
import NIOCore
import NIOHTTP1
import Testing

/// A browser for the sandbox's console, driven over a loopback socket: it follows no redirect
/// (tests look at each 303), keeps the session cookie, and sends the CSRF token its pages carry.
final class ConsoleBrowser {
    let sandbox: TestSandbox
    /// The console mounted on the sandbox.
    let console: SandboxConsole
    private let client: HTTPClient
    /// `http://127.0.0.1:PORT`.
    let origin: String
    /// The session cookie's `name=value`, once logged in.
    var cookie: String?
    /// The CSRF token read from the last page that had a form.
    var csrf: String?

    private init(sandbox: TestSandbox, console: SandboxConsole, client: HTTPClient) {
        self.sandbox = sandbox
        self.console = console
        self.client = client
        self.origin = String(console.url(on: sandbox.server).dropLast("/console/".count))
    }

    /// The console's address, as `sandbox serve` prints it.
    var consoleURL: String { console.url(on: sandbox.server) }

    /// The one-time login link, as `sandbox serve` prints it.
    var loginURL: String { console.loginURL(on: sandbox.server) }

    /// Starts a sandbox with the console mounted, runs `body` with a browser on it, and stops both.
    @discardableResult
    static func with<T>(
        _ configuration: SandboxConfiguration = SandboxConfiguration(),
        _ body: (ConsoleBrowser) async throws -> T
    ) async throws -> T {
        let console = SandboxConsole()
        return try await TestSandbox.with(configuration, routes: console) { sandbox in
            var settings = HTTPClient.Configuration()
            settings.redirectConfiguration = .disallow
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: settings)
            let browser = ConsoleBrowser(sandbox: sandbox, console: console, client: client)
            do {
                let result = try await body(browser)
                try await client.shutdown()
                return result
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }

    /// Opens the login link printed at start and keeps the cookie; then reads a CSRF token.
    @discardableResult
    func logIn() async throws -> Reply {
        let reply = try await get(String(loginURL.dropFirst(origin.count)))
        try #require(reply.status == 303, "login answered \(reply.status)")
        let setCookie = try #require(reply.headers["set-cookie"])
        cookie = String(setCookie.prefix { $0 != ";" })
        _ = try await get("/console/consumers")
        try #require(csrf != nil)
        return reply
    }

    func get(_ path: String, headers: [(String, String)] = []) async throws -> Reply {
        try await send(.GET, path, body: nil, headers: headers)
    }

    /// Posts a form; the session's CSRF token is added unless `csrf` is false.
    func post(
        _ path: String, _ fields: [(String, String)] = [], csrf sendsCSRF: Bool = true,
        headers: [(String, String)] = []
    ) async throws -> Reply {
        var fields = fields
        if sendsCSRF, let csrf { fields.append(("csrf", csrf)) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            .POST, path, body: body,
            headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers
        )
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?, headers: [(String, String)]) async throws
        -> Reply
    {
        var request = HTTPClientRequest(url: origin + path)
        request.method = method
        if let cookie { request.headers.add(name: "Cookie", value: cookie) }
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        if let body { request.body = .bytes(Array(body.utf8)) }
        let response = try await client.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 16 * 1024 * 1024)
        var replyHeaders: [String: String] = [:]
        for header in response.headers { replyHeaders[header.name.lowercased()] = header.value }
        let reply = Reply(status: Int(response.status.code), headers: replyHeaders, body: Data(buffer.readableBytesView))
        if let token = Self.csrfToken(in: reply.text) { csrf = token }
        return reply
    }

    private static func csrfToken(in html: String) -> String? {
        guard let match = html.firstMatch(of: /name="csrf" value="([A-Za-z0-9]+)"/) else { return nil }
        return String(match.1)
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? text
    }
}

/// Reading console pages in tests.
enum ConsolePage {
    /// The part of `html` from the form field labelled for `id` to the end of its block: where
    /// its refused-field messages must appear.
    static func field(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "<label for=\"\(id)\"") ?? html.range(of: "<legend>\(id.capitalized)</legend>"),
            let end = html.range(of: "</div>", range: start.upperBound..<html.endIndex)
                ?? html.range(of: "</fieldset>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The text of the element with this id (`<code id="consumer-key">…</code>`).
    static func text(ofID id: String, in html: String) -> String? {
        guard let open = html.range(of: "id=\"\(id)\""),
            let close = html.range(of: ">", range: open.upperBound..<html.endIndex),
            let end = html.range(of: "</", range: close.upperBound..<html.endIndex)
        else { return nil }
        return String(html[close.upperBound..<end.lowerBound])
    }

    /// The names in the first cells of the consumers table, in page order.
    static func consumerNames(in html: String) -> [String] {
        html.matches(of: /<td class="name"><a href="[^"]*">([^<]*)<\/a>/).map { String($0.1) }
    }
}
