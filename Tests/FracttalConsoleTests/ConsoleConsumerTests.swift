import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

/// The OAuth consumer pages: the form goes through the API's validation, the Credentials panel
/// shows the secret once, and every change is the API's change.
struct ConsoleConsumerTests {
    @Test func theTableShowsTheSeededCompany() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let html = try await browser.get("/console/consumers").text
            #expect(
                ConsolePage.consumerNames(in: html) == [
                    "PERMISOS DESTINO", "AFJ Permisos destino", "consumidor alex", "Conexiones API Fracttal Imè",
                    "Permisos destino", "consumidorfabian09/05", "Projeto 1212", "ci-bootstrap",
                ]
            )
            for heading in ["Name", "Description", "Grant type", "Permission group", "Hub", "Key", "Credentials created (UTC)"] {
                #expect(html.contains(">\(heading)</a></th>"), "\(heading)")
            }
            #expect(html.contains("Authorization code"))
            #expect(html.contains("PERMISO 1 TECNICO"))
            #expect(html.contains(#"<time datetime="2024-05-10T15:20:00Z">2024-05-10 15:20:00</time>"#))
            #expect(html.contains("1–8 of 8"))
        }
    }

    @Test func creatingShowsTheSecretOnceAndItGetsAToken() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let created = try await browser.post(
                "/console/consumers",
                [
                    ("grant_type", "client_credentials"), ("name", "erp-sync"), ("description", "SAP PM\r\nintegration"),
                    ("id_group_permission", "3"), ("redirect_uri", ""), ("hub_enabled", "true"),
                ]
            )
            #expect(created.status == 303)
            let location = try #require(created.headers["location"])
            #expect(location.hasPrefix("/console/consumers/") && location.hasSuffix("/credentials"))

            let panel = try await browser.get(location)
            #expect(panel.status == 200)
            let key = try #require(ConsolePage.text(ofID: "consumer-key", in: panel.text))
            let secret = try #require(ConsolePage.text(ofID: "consumer-secret", in: panel.text))
            #expect(secret.count == 32)
            #expect(panel.text.contains(#"data-copy="consumer-secret" hidden"#))
            #expect(ConsolePage.text(ofID: "secret-created", in: panel.text)?.wholeMatch(of: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/) != nil)

            let sandbox = browser.sandbox
            let token = try await sandbox.token(SandboxCredentials(key: key, secret: secret))
            #expect(!token.isEmpty)
            let listed = try await sandbox.call(.GET, "/oauth_consumers/", token: token)
            let consumer = try #require(listed.items.first { $0["key"] as? String == key })
            #expect(consumer["name"] as? String == "erp-sync")
            #expect(consumer["description"] as? String == "SAP PM\nintegration")
            #expect(consumer["hub_enabled"] as? Bool == true)
            #expect(consumer["id_group_permission"] as? Int == 3)
            #expect(consumer["redirect_uri"] is NSNull)

            let again = try await browser.get(location)
            #expect(again.status == 200)
            #expect(ConsolePage.text(ofID: "consumer-secret", in: again.text) == nil)
            #expect(!again.text.contains(secret))
            #expect(again.text.contains("Shown only once"))
        }
    }

    @Test func refusedFieldsAreShownBesideThemInTheAPIsWords() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let reply = try await browser.post(
                "/console/consumers",
                [
                    ("grant_type", "authorization_code"), ("name", " padded"),
                    ("description", String(repeating: "d", count: 501)), ("id_group_permission", ""),
                    ("redirect_uri", "http://erp.example.com/callback"),
                ]
            )
            #expect(reply.status == 400)
            let html = reply.text
            #expect(html.contains("Not saved."))
            let expected = [
                ("name", "must not start or end with white space"),
                ("description", "must be at most 500 characters (Unicode code points); it has 501"),
                ("id_group_permission", "is required"),
                ("redirect_uri", "must use https:// (http:// only to a loopback host)"),
            ]
            for (field, message) in expected {
                let block = try #require(ConsolePage.field(field, in: html), "\(field)")
                #expect(block.contains(#"<p class="error" data-field="\#(field)"><code>\#(field)</code> \#(message)</p>"#), "\(field)")
            }
            #expect(ConsolePage.field("name", in: html)?.contains(#"value=" padded""#) == true)
            #expect(html.contains(#"<option value="authorization_code" selected>"#))
            #expect(try await browser.sandbox.call(.GET, "/oauth_consumers/", token: try await browser.sandbox.token()).total == 8)
        }
    }

    @Test func aClientCredentialsConsumerRefusesARedirectURIAsTheAPIDoes() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let reply = try await browser.post(
                "/console/consumers",
                [("grant_type", "client_credentials"), ("name", "x"), ("id_group_permission", "1"), ("redirect_uri", "https://a.example/cb")]
            )
            #expect(reply.status == 400)
            #expect(ConsolePage.field("redirect_uri", in: reply.text)?.contains("must be null for client_credentials") == true)
            let missing = try await browser.post("/console/consumers", [("name", ""), ("id_group_permission", "99")])
            #expect(missing.status == 400)
            #expect(ConsolePage.field("grant_type", in: missing.text)?.contains("<code>grant_type</code> is required") == true)
            #expect(ConsolePage.field("name", in: missing.text)?.contains("must not be empty") == true)
            #expect(
                ConsolePage.field("id_group_permission", in: missing.text)?
                    .contains("names no permission group: no group has the id 99") == true
            )
        }
    }

    @Test func editingChangesWhatTheAPIReads() async throws {
        try await ConsoleBrowser.with { browser in
            let sandbox = browser.sandbox
            let token = try await sandbox.token()
            let before = try await sandbox.call(.GET, "/oauth_consumers/", token: token)
            let alex = try #require(before.items.first { $0["name"] as? String == "consumidor alex" })
            let key = try #require(alex["key"] as? String)
            try await browser.logIn()
            let form = try await browser.get("/console/consumers/\(key)/edit")
            #expect(form.status == 200)
            #expect(form.text.contains(#"<p class="static">Client credentials"#))
            #expect(!form.text.contains(#"name="redirect_uri""#))
            #expect(form.text.contains("Generate new secret"))

            let saved = try await browser.post(
                "/console/consumers/\(key)",
                [("name", "consumidor alex"), ("description", "Edited in the console"), ("id_group_permission", "2")]
            )
            #expect(saved.status == 303)
            #expect(saved.headers["location"] == "/console/consumers")
            let notice = try await browser.get("/console/consumers")
            #expect(notice.text.contains("Saved the OAuth consumer “consumidor alex”."))
            #expect(!(try await browser.get("/console/consumers")).text.contains("Saved the OAuth consumer"))

            let after = try await sandbox.call(.GET, "/oauth_consumers/", token: token)
            let edited = try #require(after.items.first { $0["key"] as? String == key })
            #expect(edited["description"] as? String == "Edited in the console")
            #expect(edited["id_group_permission"] as? Int == 2)
            #expect(edited["hub_enabled"] as? Bool == false)
            #expect(edited["grant_type"] as? String == "client_credentials")
        }
    }

    @Test func editingAnAuthorizationCodeConsumerKeepsItsRedirectRule() async throws {
        try await ConsoleBrowser.with { browser in
            let sandbox = browser.sandbox
            let listed = try await sandbox.call(.GET, "/oauth_consumers/", token: try await sandbox.token())
            let erp = try #require(listed.items.first { $0["grant_type"] as? String == "authorization_code" })
            let key = try #require(erp["key"] as? String)
            try await browser.logIn()
            let form = try await browser.get("/console/consumers/\(key)/edit")
            #expect(form.text.contains(#"value="https://erp.example.com/oauth/callback""#))
            #expect(form.text.contains(#"id="hub_enabled" name="hub_enabled" type="checkbox" value="true" checked"#))
            let refused = try await browser.post(
                "/console/consumers/\(key)", [("name", "Imè"), ("id_group_permission", "2"), ("redirect_uri", "")]
            )
            #expect(refused.status == 400)
            #expect(ConsolePage.field("redirect_uri", in: refused.text)?.contains("is required for authorization_code") == true)
        }
    }

    @Test func generatingANewSecretRetiresTheOldOne() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let created = try await browser.post(
                "/console/consumers", [("grant_type", "client_credentials"), ("name", "rotating"), ("id_group_permission", "1")]
            )
            let location = try #require(created.headers["location"])
            let first = try await browser.get(location).text
            let key = try #require(ConsolePage.text(ofID: "consumer-key", in: first))
            let oldSecret = try #require(ConsolePage.text(ofID: "consumer-secret", in: first))
            let rotated = try await browser.post("/console/consumers/\(key)/secret")
            #expect(rotated.status == 303)
            #expect(rotated.headers["location"] == location)
            let panel = try await browser.get(location).text
            let newSecret = try #require(ConsolePage.text(ofID: "consumer-secret", in: panel))
            #expect(newSecret != oldSecret)
            let sandbox = browser.sandbox
            let refused = try await sandbox.requestToken(authorization: TestSandbox.basic(SandboxCredentials(key: key, secret: oldSecret)))
            #expect(refused.status == 401)
            #expect(!(try await sandbox.token(SandboxCredentials(key: key, secret: newSecret))).isEmpty)
        }
    }

    @Test func deletingAsksFirstThenDeletes() async throws {
        try await ConsoleBrowser.with { browser in
            let sandbox = browser.sandbox
            let token = try await sandbox.token()
            let listed = try await sandbox.call(.GET, "/oauth_consumers/", token: token)
            let projeto = try #require(listed.items.first { $0["name"] as? String == "Projeto 1212" })
            let key = try #require(projeto["key"] as? String)
            try await browser.logIn()
            let confirm = try await browser.get("/console/consumers/\(key)/delete")
            #expect(confirm.status == 200)
            #expect(confirm.text.contains("Delete “Projeto 1212”?"))
            #expect(try await sandbox.call(.GET, "/oauth_consumers/", token: token).total == 8)
            let deleted = try await browser.post("/console/consumers/\(key)/delete")
            #expect(deleted.status == 303)
            #expect(try await browser.get("/console/consumers").text.contains("Deleted the OAuth consumer “Projeto 1212”"))
            #expect(try await sandbox.call(.GET, "/oauth_consumers/", token: token).total == 7)
            #expect(try await browser.post("/console/consumers/\(key)/delete").status == 404)
        }
    }

    @Test func theBootstrapConsumersDeletePageWarns() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let page = try await browser.get("/console/consumers/\(browser.sandbox.bootstrap.key)/delete")
            #expect(page.text.contains("bootstrap consumer"))
        }
    }
}
