import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

/// What keeps a page that issues credentials safe: CSP without inline script, escaping, CSRF
/// tokens, same-origin posts, and this machine only.
struct ConsoleSecurityTests {
    @Test(arguments: ["/console/consumers", "/console/groups", "/console/static/console.js", "/console/static/console.css", "/console/login"])
    func everyAnswerCarriesAStrictContentSecurityPolicy(_ path: String) async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let reply = try await browser.get(path)
            let policy = try #require(reply.headers["content-security-policy"])
            #expect(policy.contains("default-src 'none'"))
            #expect(policy.contains("script-src 'self'"))
            #expect(policy.contains("style-src 'self'"))
            #expect(policy.contains("frame-ancestors 'none'"))
            #expect(policy.contains("form-action 'self'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(reply.headers["x-content-type-options"] == "nosniff")
            #expect(reply.headers["cache-control"] == "no-store")
            #expect(reply.headers["referrer-policy"] == "same-origin")
        }
    }

    @Test func pagesHoldNoInlineScriptOrStyle() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            for path in ["/console/consumers", "/console/consumers/new", "/console/groups", "/console/groups/2/edit"] {
                let html = try await browser.get(path).text
                let scripts = html.matches(of: /<script[^>]*>/).map { String($0.0) }
                #expect(scripts == [#"<script src="/console/static/console.js" defer>"#], "\(path)")
                #expect(!html.contains("style="), "\(path)")
                #expect(!html.contains("<style"), "\(path)")
                #expect(html.firstMatch(of: /\son[a-z]+=/) == nil, "\(path)")
            }
        }
    }

    @Test func theStaticFilesAreServedWithTheirTypes() async throws {
        try await ConsoleBrowser.with { browser in
            let script = try await browser.get("/console/static/console.js")
            #expect(script.status == 200)
            #expect(script.headers["content-type"]?.hasPrefix("text/javascript") == true)
            #expect(script.text.contains("navigator.clipboard"))
            let style = try await browser.get("/console/static/console.css")
            #expect(style.headers["content-type"]?.hasPrefix("text/css") == true)
        }
    }

    @Test func aHostileDescriptionIsShownAsText() async throws {
        try await ConsoleBrowser.with { browser in
            let sandbox = browser.sandbox
            let hostile = #"<script>alert("x")</script><img src=x onerror='alert(1)'>&"#
            let created = try await sandbox.call(
                .POST, "/oauth_consumers/", token: try await sandbox.token(),
                json: [
                    "name": "<b>bold</b>", "grant_type": "client_credentials", "id_group_permission": 1,
                    "description": hostile,
                ]
            )
            try #require(created.status == 201)
            let key = try #require(created.data["key"] as? String)
            try await browser.logIn()
            for path in ["/console/consumers", "/console/consumers/\(key)/edit", "/console/consumers/\(key)/delete"] {
                let html = try await browser.get(path).text
                #expect(!html.contains("<script>alert"), "\(path)")
                #expect(!html.contains("<img src=x"), "\(path)")
                #expect(!html.contains("<b>bold</b>"), "\(path)")
                #expect(html.contains("&lt;b&gt;bold&lt;/b&gt;"), "\(path)")
            }
            let table = try await browser.get("/console/consumers").text
            #expect(table.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;&amp;"))
        }
    }

    @Test func aPostWithoutTheSessionsCSRFTokenChangesNothing() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let fields = [("name", "forged"), ("grant_type", "client_credentials"), ("id_group_permission", "1")]
            let missing = try await browser.post("/console/consumers", fields, csrf: false)
            #expect(missing.status == 403)
            #expect(missing.text.contains("Form expired"))
            let wrong = try await browser.post(
                "/console/consumers", fields + [("csrf", String(repeating: "A", count: 43))], csrf: false
            )
            #expect(wrong.status == 403)
            let deleteGroup = try await browser.post("/console/groups/2/delete", [], csrf: false)
            #expect(deleteGroup.status == 403)
            let listed = try await browser.sandbox.call(.GET, "/oauth_consumers/", token: try await browser.sandbox.token())
            #expect(!listed.items.contains { $0["name"] as? String == "forged" })
            #expect(try await browser.post("/console/consumers", fields).status == 303)
        }
    }

    @Test(arguments: [
        [("Origin", "http://evil.example")],
        [("Sec-Fetch-Site", "cross-site")],
        [("Sec-Fetch-Site", "same-site")],
        [("Origin", "null")],
    ])
    func aCrossOriginPostIsRefused(_ headers: [(String, String)]) async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let reply = try await browser.post(
                "/console/consumers", [("name", "forged"), ("grant_type", "client_credentials"), ("id_group_permission", "1")],
                headers: headers
            )
            #expect(reply.status == 403)
            #expect(reply.text.contains("another site"))
        }
    }

    @Test func aSameOriginPostIsAccepted() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let reply = try await browser.post(
                "/console/consumers", [("name", "mine"), ("grant_type", "client_credentials"), ("id_group_permission", "1")],
                headers: [("Origin", browser.origin), ("Sec-Fetch-Site", "same-origin")]
            )
            #expect(reply.status == 303)
        }
    }

    @Test(arguments: ["evil.example", "evil.example:8080", "192.168.1.20"])
    func aHostThatIsNotLoopbackIsRefused(_ host: String) async throws {
        try await ConsoleBrowser.with { browser in
            let reply = try await browser.get("/console/login?token=x", headers: [("Host", host)])
            #expect(reply.status == 403)
            #expect(reply.text.contains("this machine only"))
        }
    }

    @Test(arguments: ["localhost", "127.0.0.1", "localhost:1234"])
    func loopbackHostNamesAreServed(_ host: String) async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            #expect(try await browser.get("/console/consumers", headers: [("Host", host)]).status == 200)
        }
    }

    @Test func theAPIIsUnchangedBesideTheConsole() async throws {
        try await ConsoleBrowser.with { browser in
            let sandbox = browser.sandbox
            let reply = try await sandbox.call(.GET, "/oauth_consumers/", token: try await sandbox.token())
            #expect(reply.status == 200)
            #expect(reply.headers["content-security-policy"] == nil)
            #expect(try await sandbox.call(.GET, "/console/consumers", token: nil).status == 401)
        }
    }
}
