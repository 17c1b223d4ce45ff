import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

/// The console's door: a one-time login link, then an HttpOnly, SameSite=Strict session cookie.
struct ConsoleLoginTests {
    @Test func theServerNamesItsConsoleAndALoginLink() async throws {
        try await ConsoleBrowser.with { browser in
            let server = browser.sandbox.server
            #expect(browser.consoleURL == "http://127.0.0.1:\(server.port)/console/")
            let token = try #require(browser.loginURL.split(separator: "?token=").last)
            #expect(browser.loginURL.hasPrefix("http://127.0.0.1:\(server.port)/console/login?token="))
            #expect(token.count >= 40)
            #expect(token.allSatisfy { $0.isLetter || $0.isNumber })
        }
    }

    @Test func theLoginLinkSetsAStrictHttpOnlyCookieScopedToTheConsole() async throws {
        try await ConsoleBrowser.with { browser in
            let reply = try await browser.logIn()
            #expect(reply.headers["location"] == "/console/consumers")
            let cookie = try #require(reply.headers["set-cookie"])
            let attributes = cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(attributes.first?.hasPrefix("fracttal_console=") == true)
            #expect(attributes.contains("HttpOnly"))
            #expect(attributes.contains("SameSite=Strict"))
            #expect(attributes.contains("Path=/console"))
            #expect(!cookie.contains(browser.loginURL.split(separator: "=").last!))
            let page = try await browser.get("/console/consumers")
            #expect(page.status == 200)
            #expect(page.text.contains("<h1>OAuth Consumers</h1>"))
        }
    }

    @Test func theLoginLinkWorksOnce() async throws {
        try await ConsoleBrowser.with { browser in
            let path = String(browser.loginURL.dropFirst(browser.origin.count))
            #expect(try await browser.get(path).status == 303)
            let again = try await browser.get(path)
            #expect(again.status == 403)
            #expect(again.headers["set-cookie"] == nil)
            #expect(again.text.contains("A login link works once"))
        }
    }

    @Test func aWrongTokenOpensNothing() async throws {
        try await ConsoleBrowser.with { browser in
            let wrong = try await browser.get("/console/login?token=" + String(repeating: "A", count: 43))
            #expect(wrong.status == 403)
            #expect(wrong.headers["set-cookie"] == nil)
            #expect(try await browser.get("/console/login").status == 403)
            // The right token still works after wrong ones.
            try await browser.logIn()
        }
    }

    @Test(arguments: ["/console/consumers", "/console/groups", "/console/consumers/new", "/console/nowhere"])
    func pagesWithoutASessionSayToOpenTheLoginLink(_ path: String) async throws {
        try await ConsoleBrowser.with { browser in
            let reply = try await browser.get(path)
            #expect(reply.status == 403)
            #expect(reply.text.contains("Console login URL"))
            #expect(!reply.text.contains("PERMISOS DESTINO"))
            browser.cookie = "fracttal_console=" + String(repeating: "x", count: 43)
            #expect(try await browser.get(path).status == 403)
        }
    }

    @Test func theRootLeadsToTheConsumers() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            for path in ["/console", "/console/"] {
                let reply = try await browser.get(path)
                #expect(reply.status == 303)
                #expect(reply.headers["location"] == "/console/consumers")
            }
        }
    }

    @Test func logOutEndsTheSession() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let reply = try await browser.post("/console/logout")
            #expect(reply.status == 200)
            #expect(reply.headers["set-cookie"]?.contains("Max-Age=0") == true)
            #expect(try await browser.get("/console/consumers").status == 403)
        }
    }

    @Test func unknownPagesAnswer404() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            #expect(try await browser.get("/console/nowhere").status == 404)
            #expect(try await browser.get("/console/consumers/NoSuchKey000000000/edit").status == 404)
            #expect(try await browser.get("/console/groups/999/edit").status == 404)
            #expect(try await browser.get("/console/groups/abc/edit").status == 404)
        }
    }
}
