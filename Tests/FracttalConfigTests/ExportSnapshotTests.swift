import Foundation
import FracttalConfig
import FracttalModel
import FracttalPlan
import Testing

/// The exact text of an export of a small company.
struct ExportSnapshotTests {
    static let company = LiveState(
        groups: [
            LiveGroup(id: 1, name: "Default", permissions: ExportFixtures.codes("assets:view"), isDefault: true),
            LiveGroup(
                id: 2, name: "PERMISO 1 TECNICO", description: "Técnicos de campo",
                permissions: ExportFixtures.codes("work_orders:view", "assets:view", "meters:view")),
            LiveGroup(id: 3, name: "Automation", permissions: ExportFixtures.module("security").union(ExportFixtures.module("api_connections"))),
        ],
        consumers: [
            ExportFixtures.consumer("ERPSYNC00000000001", "erp-sync", group: 2, description: "SAP PM integration", hub: true),
            ExportFixtures.consumer(
                "BIPORTAL0000000001", "bi-portal", group: 2, grantType: .authorizationCode,
                redirectURI: "https://bi.example.com/oauth/callback"),
            ExportFixtures.consumer("NUMBER000000000001", "1212", group: 1, description: "yes"),
            ExportFixtures.consumer("NBqgHRjWA7j1KqLITd", "consumidor alex", group: 1),
            ExportFixtures.consumer("ALEX00000000000002", "consumidor alex", group: 2, description: "la otra"),
            ExportFixtures.consumer("CIbootstrap0000001", "ci-bootstrap", group: 3),
        ],
        catalog: ExportFixtures.catalog)

    static let header = """
        # yaml-language-server: $schema=fracttal.schema.json
        # Exported by `fracttal export` from https://acme.fracttal.com/api
        version: 1


        """

    @Test func smallCompany() throws {
        let exported = ConfigurationExporter.export(Self.company, ownClientID: "CIbootstrap0000001", target: ExportFixtures.target)
        #expect(exported.files.map(\.path) == ["settings.yaml", "permission_groups.yaml", "consumers.yaml"])
        #expect(exported.files.first?.text == Self.header + """
            settings:
              prune: false
              protect:
                consumers:
                  - CIbootstrap0000001  # the consumer this tool signs in as, by key

            """)
        #expect(exported.files.dropFirst().first?.text == Self.header + """
            permission_groups:
              - name: Default
                permissions:
                  - assets:view

              - name: PERMISO 1 TECNICO
                description: Técnicos de campo
                permissions:
                  - assets:view
                  - meters:view
                  - work_orders:view

              - name: Automation
                permissions:
                  - api_connections:create
                  - api_connections:delete
                  - api_connections:edit
                  - api_connections:view
                  - security:create
                  - security:delete
                  - security:edit
                  - security:view

            """)
        #expect(exported.files.last?.text == Self.header + """
            consumers:
              - name: erp-sync
                description: SAP PM integration
                permission_group: PERMISO 1 TECNICO
                hub: true

              - name: bi-portal
                grant_type: authorization_code
                permission_group: PERMISO 1 TECNICO
                redirect_uri: https://bi.example.com/oauth/callback

              - name: '1212'
                description: 'yes'
                permission_group: Default

              - name: consumidor alex
                permission_group: Default
                key: NBqgHRjWA7j1KqLITd

              - name: ci-bootstrap
                permission_group: Automation

            """)
        #expect(exported.notes == [
            "consumer[\"consumidor alex\"] (key ALEX00000000000002) is not exported: the consumer with key NBqgHRjWA7j1KqLITd has the same name and is exported instead, since a name can be declared only once: rename one of them by hand, then export again; plans leave it as it is while `prune` is false.",
        ])

        let trip = try ExportRoundTrip(Self.company, ownClientID: "CIbootstrap0000001")
        #expect(trip.errors.isEmpty, "\(trip.errors)")
        #expect(trip.planned.plan.actions.isEmpty)
    }

    @Test func emptyCompanyWritesEmptyLists() {
        let exported = ConfigurationExporter.export(LiveState(), ownClientID: nil, target: "sandbox:.fracttal/sandbox.sqlite")
        let header = Self.header.replacingOccurrences(of: ExportFixtures.target, with: "sandbox:.fracttal/sandbox.sqlite")
        #expect(exported.files.map(\.text) == [
            header + "settings:\n  prune: false\n",
            header + "permission_groups: []\n",
            header + "consumers: []\n",
        ])
        #expect(exported.notes.isEmpty)
    }

    @Test func targetWithLineBreakStaysInItsComment() {
        let exported = ConfigurationExporter.export(LiveState(), ownClientID: nil, target: "https://x.example.com/api\nversion: 2")
        let lines = exported.files[0].text.split(separator: "\n")
        #expect(lines[1] == "# Exported by `fracttal export` from https://x.example.com/api\\u{A}version: 2")
        #expect(lines[2] == "version: 1")
    }

    @Test func schemaIDIsTheEmbeddedSchemasID() throws {
        let data = Data(try ConfigurationSchema.jsonText().utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["$id"] as? String == ConfigurationExporter.schemaID)
    }
}
