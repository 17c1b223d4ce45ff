import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

/// The permission group pages: the catalog as checkboxes, the API's validation, and the
/// server's 409 rules shown in words.
struct ConsoleGroupTests {
    @Test func theListMarksTheDefaultGroup() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let html = try await browser.get("/console/groups").text
            let names = html.matches(of: /<td class="name"><a href="[^"]*">([^<]*)<\/a>/).map { String($0.1) }
            #expect(names == ["Default", "PERMISO 1 TECNICO", "Automation"])
            #expect(html.matches(of: /Default group<\/span>/).count == 1)
            #expect(html.contains(#"<a href="/console/groups/1/edit">Default</a> <span class="badge default">Default group</span>"#))
        }
    }

    @Test func theFormShowsTheCatalogAsCheckboxes() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let html = try await browser.get("/console/groups/2/edit").text
            let boxes = html.matches(of: /<input type="checkbox" name="permissions" value="([a-z_]+:[a-z]+)"[^>]*>/)
            #expect(boxes.count == 53)
            let checked = boxes.filter { $0.0.contains(" checked") }.map { String($0.1) }
            #expect(
                Set(checked) == [
                    "assets:view", "assets:edit", "work_orders:view", "work_orders:create", "work_orders:edit",
                    "meters:view", "meters:create",
                ]
            )
        }
    }

    @Test func creatingAndEditingAGroupIsWhatTheAPIReads() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let created = try await browser.post(
                "/console/groups",
                [("name", "Supervisores"), ("description", ""), ("permissions", "work_orders:view"), ("permissions", "reports:view")]
            )
            #expect(created.status == 303)
            #expect(created.headers["location"] == "/console/groups")
            let sandbox = browser.sandbox
            let token = try await sandbox.token()
            var groups = try await sandbox.call(.GET, "/groups_permissions/", token: token).items
            let group = try #require(groups.first { $0["name"] as? String == "Supervisores" })
            #expect(Set(group["permissions"] as? [String] ?? []) == ["work_orders:view", "reports:view"])
            #expect(group["description"] is NSNull)
            let id = try #require(group["id"] as? Int)

            let saved = try await browser.post(
                "/console/groups/\(id)", [("name", "Supervisión"), ("description", "Jefes de turno")]
            )
            #expect(saved.status == 303)
            groups = try await sandbox.call(.GET, "/groups_permissions/", token: token).items
            let edited = try #require(groups.first { $0["id"] as? Int == id })
            #expect(edited["name"] as? String == "Supervisión")
            #expect(edited["description"] as? String == "Jefes de turno")
            #expect(edited["permissions"] as? [String] == [])
        }
    }

    @Test func refusedFieldsAreShownBesideThem() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let reply = try await browser.post(
                "/console/groups", [("name", ""), ("permissions", "assets:view"), ("permissions", "assets:fly")]
            )
            #expect(reply.status == 400)
            #expect(ConsolePage.field("name", in: reply.text)?.contains("<code>name</code> must not be empty") == true)
            #expect(
                ConsolePage.field("permissions", in: reply.text)?
                    .contains("<code>permissions[1]</code> &#39;assets:fly&#39; is not a permission of the catalog") == true
            )
            #expect(reply.text.contains(#"value="assets:view" id="perm-assets:view" aria-label="view assets" title="assets:view" checked"#))
        }
    }

    @Test func deletingTheDefaultGroupShowsThe409() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let reply = try await browser.post("/console/groups/1/delete")
            #expect(reply.status == 409)
            #expect(reply.text.contains("The server refused (409).</strong> The default group cannot be deleted."))
        }
    }

    @Test func deletingAGroupInUseNamesItsConsumers() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            let sandbox = browser.sandbox
            try await sandbox.server.setAccountsCount(0, forGroup: 2)
            let reply = try await browser.post("/console/groups/2/delete")
            #expect(reply.status == 409)
            #expect(reply.text.contains("The group is used by 3 OAuth consumers: &quot;PERMISOS DESTINO&quot; (key "))
            try await sandbox.server.setAccountsCount(3, forGroup: 2)
            let accounts = try await browser.post("/console/groups/2/delete")
            #expect(accounts.status == 409)
            #expect(accounts.text.contains("The group still has 3 user accounts assigned"))
            #expect(try await sandbox.call(.GET, "/groups_permissions/", token: try await sandbox.token()).total == 3)
        }
    }

    @Test func deletingAnUnusedGroupAsksFirstThenDeletes() async throws {
        try await ConsoleBrowser.with { browser in
            try await browser.logIn()
            _ = try await browser.post("/console/groups", [("name", "Temporal"), ("permissions", "assets:view")])
            let confirm = try await browser.get("/console/groups/4/delete")
            #expect(confirm.status == 200)
            #expect(confirm.text.contains("Delete “Temporal”?"))
            let deleted = try await browser.post("/console/groups/4/delete")
            #expect(deleted.status == 303)
            #expect(try await browser.get("/console/groups").text.contains("Deleted the permission group “Temporal”."))
            #expect(try await browser.get("/console/groups/4/edit").status == 404)
        }
    }
}
