import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

/// The OAuth Consumers table: pages of 100, sortable columns, and a filter, over HTTP.
struct ConsoleTableTests {
    /// A sandbox file holding the seed plus 250 consumers `bulk 001` … `bulk 250`, every tenth
    /// with the hub on and the description `Planta Norte`.
    private static func withBulkCompany(_ body: (ConsoleBrowser) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("console-table-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sandbox.sqlite").path
        try SandboxServer.bulkSeed(
            dataPath: path,
            groups: [BulkSeedGroup(name: "Bulk", description: nil, permissions: ["assets:view"])],
            consumers: (1...250).map { index in
                BulkSeedConsumer(
                    name: "bulk \(String(format: "%03d", index))",
                    description: index % 10 == 0 ? "Planta Norte" : nil, groupIndex: 0, hubEnabled: index % 10 == 0
                )
            }
        )
        try await ConsoleBrowser.with(SandboxConfiguration(dataPath: path)) { browser in
            try await browser.logIn()
            try await body(browser)
        }
    }

    @Test func pagesHoldAHundredConsumers() async throws {
        try await Self.withBulkCompany { browser in
            let first = try await browser.get("/console/consumers").text
            let firstNames = ConsolePage.consumerNames(in: first)
            #expect(firstNames.count == 100)
            #expect(firstNames.prefix(2) == ["PERMISOS DESTINO", "AFJ Permisos destino"])
            #expect(first.contains("1–100 of 258"))
            #expect(first.contains("Page 1 of 3"))
            #expect(first.contains(#"<a href="/console/consumers?page=2" rel="next">"#))
            #expect(!first.contains(#"rel="prev""#))

            let last = try await browser.get("/console/consumers?page=3").text
            #expect(ConsolePage.consumerNames(in: last).count == 58)
            #expect(ConsolePage.consumerNames(in: last).last == "bulk 250")
            #expect(last.contains("201–258 of 258"))
            #expect(last.contains(#"<a href="/console/consumers?page=2" rel="prev">"#))
            #expect(!last.contains(#"rel="next""#))

            let beyond = try await browser.get("/console/consumers?page=99").text
            #expect(ConsolePage.consumerNames(in: beyond) == ConsolePage.consumerNames(in: last))
        }
    }

    @Test func columnsSortBothWays() async throws {
        try await Self.withBulkCompany { browser in
            let ascending = try await browser.get("/console/consumers?sort=name&order=asc").text
            let names = ConsolePage.consumerNames(in: ascending)
            #expect(names.prefix(4) == ["AFJ Permisos destino", "bulk 001", "bulk 002", "bulk 003"])
            #expect(ascending.contains(#"<th scope="col" aria-sort="ascending"><a href="/console/consumers?sort=name&amp;order=desc">Name"#))

            let descending = try await browser.get("/console/consumers?sort=name&order=desc").text
            #expect(ConsolePage.consumerNames(in: descending).prefix(3) == ["Projeto 1212", "PERMISOS DESTINO", "Permisos destino"])

            let hub = try await browser.get("/console/consumers?sort=hub&order=desc").text
            #expect(ConsolePage.consumerNames(in: hub).prefix(3) == ["Conexiones API Fracttal Imè", "bulk 010", "bulk 020"])
        }
    }

    @Test func theFilterLooksInNameDescriptionGroupAndKey() async throws {
        try await Self.withBulkCompany { browser in
            let byDescription = try await browser.get("/console/consumers?q=planta+norte").text
            #expect(ConsolePage.consumerNames(in: byDescription).count == 25)
            #expect(byDescription.contains("1–25 of 25 matching “planta norte” (of 258 consumers)"))
            #expect(byDescription.contains(#"value="planta norte""#))

            let accentless = try await browser.get("/console/consumers?q=fracttal+IME").text
            #expect(ConsolePage.consumerNames(in: accentless) == ["Conexiones API Fracttal Imè"])

            let byGroup = try await browser.get("/console/consumers?q=tecnico&sort=name&order=desc").text
            #expect(ConsolePage.consumerNames(in: byGroup) == ["PERMISOS DESTINO", "Permisos destino", "Conexiones API Fracttal Imè"])
            #expect(byGroup.contains(#"<input type="hidden" name="sort" value="name">"#))

            let key = browser.sandbox.bootstrap.key
            #expect(ConsolePage.consumerNames(in: try await browser.get("/console/consumers?q=\(key)").text) == ["ci-bootstrap"])

            let none = try await browser.get("/console/consumers?q=%3Cnada%3E").text
            #expect(ConsolePage.consumerNames(in: none).isEmpty)
            #expect(none.contains("No consumer matches the filter."))
            #expect(none.contains("&lt;nada&gt;"))
        }
    }
}
