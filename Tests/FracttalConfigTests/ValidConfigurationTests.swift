import Foundation
import FracttalConfig
import FracttalModel
import FracttalTestSupport
import Testing

/// Inputs that must load without any diagnostic, and what they load into.
struct ValidConfigurationTests {
    @Test func severalDocumentsInOneFile() throws {
        let loaded = try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
            ---
            version: 1
            consumers:
              - name: erp-sync
                permission_group: Técnicos
            ...
            ---
            version: 1
            settings:
              prune: true
            """, [])
        #expect(loaded.state.groups.map(\.name.value) == ["Técnicos"])
        #expect(loaded.state.consumers.map(\.name) == ["erp-sync"])
        #expect(loaded.state.settings.prunes)
        #expect(loaded.state.settings.location?.line == 12)
    }

    @Test func aGroupTakesPreviousNames() throws {
        let loaded = try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Integraciones
                previous_names: [PERMISO 1 TECNICO, "Técnicos viejos"]
            """, [])
        let group = try #require(loaded.state.groups.first)
        #expect(group.previousNames.map(\.value) == ["PERMISO 1 TECNICO", "Técnicos viejos"])
        #expect(group.previousNames.first?.location.line == 4)
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let loaded = try expectDiagnostics("\u{FEFF}version: 1\npermission_groups:\n  - 1️⃣name: Técnicos\n  - 2️⃣nam: x\n", [
            .error("2️⃣", "FRC119", mentioning: "`name`"),
            .error("2️⃣", "FRC120"),
        ])
        #expect(loaded.state.groups.first?.location.column == 5)
    }

    @Test func crlfLineEndsKeepLinesAndColumns() throws {
        let loaded = try expectDiagnostics(
            "version: 1\r\npermission_groups:\r\n  - name: Técnicos\r\n    description: \"dos\r\n      líneas\"\r\n",
            []
        )
        let group = try #require(loaded.state.groups.first)
        #expect(group.name.location.line == 3)
        #expect(group.name.location.column == 11)
        #expect(group.description.value == "dos líneas")
        #expect(group.description.location.line == 4)
    }

    @Test func unicodeNamesAndNamesDifferingOnlyInCase() throws {
        let loaded = try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Conexiones API Fracttal Imè
              - name: conexiones api fracttal imè
            consumers:
              - name: consumidorfabian09/05
                permission_group: Conexiones API Fracttal Imè
              - name: Consumidorfabian09/05
                permission_group: conexiones api fracttal imè
              - name: "1212"
                permission_group: Conexiones API Fracttal Imè
              - name: 工单同步 🔧
                permission_group: Conexiones API Fracttal Imè
            """, [])
        #expect(loaded.state.groups.count == 2)
        #expect(loaded.state.consumers.map(\.name) == ["consumidorfabian09/05", "Consumidorfabian09/05", "1212", "工单同步 🔧"])
        #expect(loaded.state.consumers[3].location(of: .name).column == 11)
    }

    @Test func namesCompareByCodePointsNotByCanonicalEquivalence() throws {
        // Two names, though they look the same: both are kept, and a warning says so.
        let loaded = try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣"Jos\u{E9}"
              - name: 2️⃣"Jose\u{301}"
            consumers:
              - name: a
                permission_group: "Jose\u{301}"
              - name: b
                permission_group: "Jos\u{E9}"
            """, [
            .warning("2️⃣", "FRC134", mentioning: "`Jose\\u{301}`", "`Jos\\u{E9}`", "{1️⃣}"),
        ])
        #expect(loaded.state.groups.map { Array($0.name.value.unicodeScalars) } == [
            Array("Jos\u{E9}".unicodeScalars), Array("Jose\u{301}".unicodeScalars),
        ])
        #expect(loaded.state.consumers.map { Array($0.permissionGroup.unicodeScalars) } == [
            Array("Jose\u{301}".unicodeScalars), Array("Jos\u{E9}".unicodeScalars),
        ])
    }

    @Test func environmentInterpolation() throws {
        let loaded = try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Integraciones ${env:FRACTTAL_ENV}
                description: "$5 y $${env:FRACTTAL_ENV} y ${env:_EMPTY}fin"
            consumers:
              - name: portal
                grant_type: authorization_code
                redirect_uri: https://portal-${env:FRACTTAL_ENV}.example.com/oauth/callback
                permission_group: Integraciones ${env:FRACTTAL_ENV}
                max_secret_age: ${env:AGE}
            """, [], environment: ["FRACTTAL_ENV": "staging", "_EMPTY": "", "AGE": "12h"])
        #expect(loaded.state.groups.first?.name.value == "Integraciones staging")
        #expect(loaded.state.groups.first?.description.value == "$5 y $staging y fin")
        #expect(loaded.state.consumers.first?.redirectURI == "https://portal-staging.example.com/oauth/callback")
        #expect(loaded.state.consumers.first?.maxSecretAge?.value == SecretAge(count: 12, unit: .hours))
    }

    @Test func interpolatedValuesAreNotScannedAgain() throws {
        let loaded = try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: ${env:A}
            """, [], environment: ["A": "${env:B}"])
        #expect(loaded.state.groups.first?.name.value == "${env:B}")
    }

    @Test func folderIsReadRecursivelyInSortedPathOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("version: 1\npermission_groups: [{name: z}]\n", to: "config/z.yaml")
        try folder.write("version: 1\npermission_groups: [{name: a-b}]\n", to: "config/a/b.yml")
        try folder.write("version: 1\npermission_groups: [{name: a}]\n", to: "config/a.yaml")
        try folder.write("version: 1\npermission_groups: [{name: m-n-o}]\n", to: "config/m/n/o.yaml")
        try folder.write("not read", to: "config/readme.md")
        try folder.write("on: push\n", to: "config/.github/workflows/ci.yml")
        let root = folder.path("config")
        let loaded = ConfigurationLoader(environment: [:]).load(paths: [root])
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.files.map(\.path) == ["a.yaml", "a/b.yml", "m/n/o.yaml", "z.yaml"].map { root + "/" + $0 })
        #expect(loaded.state.groups.map(\.name.value) == ["a", "a-b", "m-n-o", "z"])
    }

    @Test func severalFilesMergeAndAFileNamedTwiceIsReadOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let settings = try folder.write("""
            version: 1
            settings:
              prune: true
              protect:
                consumers: [ci-bootstrap, NBqgHRjWA7j1KqLITd]
                groups: [Default]
              max_delete_percent: 10
            """, to: "settings.yaml")
        let groups = try folder.write("""
            version: 1
            permission_groups:
              - name: PERMISO 1 TECNICO
                description: Técnicos de campo
                permissions: [assets:view, work_orders:view, work_orders:edit, "meters:*"]
            """, to: "groups.yaml")
        let consumers = try folder.write("""
            version: 1
            consumers:
              - name: erp-sync
                description: null
                permission_group: PERMISO 1 TECNICO
                hub: true
            """, to: "consumers.yaml")
        let loaded = ConfigurationLoader(environment: [:]).load(paths: [consumers, groups, settings, groups])
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.files.map(\.path) == [consumers, groups, settings])
        let state = loaded.state
        #expect(state.settings.prunes)
        #expect(state.settings.deleteThresholdPercent == 10)
        #expect(state.settings.protectedConsumers.map(\.value) == ["ci-bootstrap", "NBqgHRjWA7j1KqLITd"])
        #expect(state.settings.protectedGroups.map(\.value) == ["Default"])
        #expect(state.groups.first?.permissions.map(\.value.description) == ["assets:view", "work_orders:view", "work_orders:edit", "meters:*"])
        #expect(state.consumers.first?.hub == true)
        #expect(state.consumers.first?.description == nil)
    }

    @Test func everyConsumerFieldIsRead() throws {
        let loaded = try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Portal
            consumers:
              - 1️⃣name: bi-portal
                description: BI
                grant_type: authorization_code
                redirect_uri: http://[::1]:8080/cb
                permission_group: Portal
                hub: false
                key: NBqgHRjWA7j1KqLITd
                previous_names: [consumidor alex, "bi portal"]
                rotate_secret_before: 2026-11-01T02:00:00.5+02:00
                max_secret_age: 90d
              - name: local
                grant_type: authorization_code
                redirect_uri: http://127.0.0.1/cb
                permission_group: Portal
            """, [])
        let consumer = try #require(loaded.state.consumers.first)
        #expect(consumer.location.line == 5 && consumer.location.column == 5)
        #expect(consumer.grantType == .authorizationCode)
        #expect(consumer.location(of: .grantType).line == 7)
        #expect(consumer.redirectURI == "http://[::1]:8080/cb")
        #expect(consumer.hub == false)
        #expect(consumer.key?.value == "NBqgHRjWA7j1KqLITd")
        #expect(consumer.previousNames.map(\.value) == ["consumidor alex", "bi portal"])
        #expect(consumer.rotateSecretBefore?.value == Date(timeIntervalSince1970: 1_793_491_200.5))
        #expect(consumer.maxSecretAge?.value == SecretAge(count: 90, unit: .days))
        let local = try #require(loaded.state.consumers.last)
        #expect(local.hub == false)
        #expect(local.location(of: .hub) == local.location)
        #expect(local.description == nil)
    }

    @Test func aliasesForValuesAreFine() throws {
        let loaded = try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                permissions: &field [assets:view, "meters:*"]
              - name: Supervisores
                permissions: *field
            consumers:
              - {name: a, permission_group: Técnicos, description: "R&D *not an alias: really"}
            """, [])
        #expect(loaded.state.groups.map(\.permissions.count) == [2, 2])
    }
}
