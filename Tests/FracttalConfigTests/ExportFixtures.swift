import Foundation
import FracttalConfig
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

/// Live companies to export, and the round trip export → files → loader → planner.
enum ExportFixtures {
    static let target = "https://acme.fracttal.com/api"
    static let now = Date(timeIntervalSince1970: 1_780_000_000)
    static let issued = Date(timeIntervalSince1970: 1_760_000_000)

    /// The catalog of the help article: 14 modules with view, create, edit and delete, reports view only.
    static let catalog: PermissionCatalog = {
        let modules = [
            "assets", "work_orders", "work_requests", "tasks", "meters", "warehouses", "purchases", "human_resources",
            "third_parties", "documents", "reports", "calendar", "security", "api_connections",
        ]
        var codes: [PermissionCode] = []
        for module in modules {
            for action in module == "reports" ? ["view"] : ["view", "create", "edit", "delete"] {
                codes.append(PermissionCode(module: module, action: action))
            }
        }
        return PermissionCatalog(codes: codes)
    }()

    /// Codes from `module:action` texts.
    static func codes(_ texts: String...) -> Set<PermissionCode> {
        Set(texts.compactMap(PermissionCode.init))
    }

    /// Every code of one module in the catalog.
    static func module(_ name: String) -> Set<PermissionCode> {
        Set(catalog.codes(inModule: name))
    }

    /// An 18-character key made from a number, as the sandbox makes them.
    static func key(_ number: Int) -> String {
        let digits = String(number)
        return "K" + String(repeating: "x", count: 17 - digits.count) + digits
    }

    /// A consumer with the fixture's secret time.
    static func consumer(
        _ key: String, _ name: String, group: Int, description: String? = nil, grantType: GrantType = .clientCredentials,
        redirectURI: String? = nil, hub: Bool = false
    ) -> LiveConsumer {
        liveConsumer(
            key, name, group: group, description: description, grantType: grantType, redirectURI: redirectURI, hub: hub,
            secretCreatedAt: issued)
    }

    /// The tool's own key in the help-article company.
    static let ownKey = "CIbootstrap0000001"

    /// The company of Fracttal's help article "Crear consumidores OAUTH", with the awkward cases beside it.
    static let helpArticleCompany = LiveState(
        groups: [
            LiveGroup(id: 1, name: "Default", permissions: codes("assets:view", "work_orders:view"), isDefault: true, accountsCount: 12),
            LiveGroup(
                id: 2, name: "PERMISO 1 TECNICO", description: "Técnicos de campo",
                permissions: codes("assets:view", "work_orders:view", "work_orders:edit").union(module("meters"))),
            LiveGroup(id: 3, name: "Automation", description: nil, permissions: Set(catalog.codes)),
            LiveGroup(id: 4, name: "Solo lectura", description: "", permissions: []),
        ],
        consumers: [
            consumer("NBqgHRjWA7j1KqLITd", "PERMISOS DESTINO", group: 2),
            consumer("AFJ0000000000000001", "AFJ Permisos destino", group: 2, description: "Permisos de destino de AFJ"),
            consumer("ALEX00000000000001", "consumidor alex", group: 1),
            consumer("IME000000000000001", "Conexiones API Fracttal Imè", group: 3, description: "Integración: ERP → Fracttal"),
            consumer("PD0000000000000001", "Permisos destino", group: 2),
            consumer("FABIAN000000000001", "consumidorfabian09/05", group: 2),
            consumer("PROJETO00000000001", "Projeto 1212", group: 1, description: "1212"),
            consumer(ownKey, "ci-bootstrap", group: 3, description: "fracttal CI"),
            consumer("SAP000000000000001", "Integración SAP", group: 3, description: "planta norte"),
            consumer("SAP000000000000002", "Integración SAP", group: 2, description: "planta sur"),
            consumer(
                "BIPORTAL0000000001", "bi-portal", group: 2, description: nil, grantType: .authorizationCode,
                redirectURI: "https://bi.example.com/oauth/callback", hub: true),
            consumer("ERPSYNC00000000001", "erp-sync", group: 3, description: "SAP PM integration", hub: true),
        ],
        catalog: catalog)

    /// 1,000 consumers over 20 groups, every field varied.
    static func generatedCompany(consumers: Int = 1_000, groups: Int = 20) -> LiveState {
        let allCodes = catalog.codes
        let liveGroups = (0..<groups).map { index in
            // A different slice of the catalog for each group; a few grant everything or nothing.
            let permissions: Set<PermissionCode> = switch index % 7 {
            case 0: Set(allCodes)
            case 1: []
            default: Set(allCodes.enumerated().filter { ($0.offset * 7 + index) % (index % 5 + 2) == 0 }.map(\.element))
            }
            return LiveGroup(
                id: 100 + index * 3, name: index % 4 == 0 ? "\(1000 + index)" : "Grupo técnico \(index)",
                description: index % 3 == 0 ? nil : "Técnicos de la planta \(index): turno #\(index % 3)",
                permissions: permissions, isDefault: index == 0)
        }
        let liveConsumers = (0..<consumers).map { index in
            let authorizationCode = index % 10 == 3
            return consumer(
                key(index), index % 50 == 7 ? "\(index)" : "integración-\(index)", group: liveGroups[index % groups].id,
                description: index % 4 == 0 ? nil : (index % 4 == 1 ? "yes" : "Integración número \(index) con el ERP"),
                grantType: authorizationCode ? .authorizationCode : .clientCredentials,
                redirectURI: authorizationCode ? "https://portal\(index).example.com/oauth/callback?next=a&b=#x" : nil,
                hub: index % 2 == 0)
        }
        return LiveState(groups: liveGroups, consumers: liveConsumers, catalog: catalog)
    }

    /// Strings a YAML writer can get wrong; each one must come back exactly.
    static let nastyStrings: [String] = [
        // Other types under YAML 1.2 or 1.1.
        "yes", "no", "on", "off", "y", "n", "Y", "N", "YES", "On", "true", "True", "FALSE", "null", "Null", "NULL", "~",
        "1212", "09", "0", "-1", "+1", "0x1F", "0o17", "017", "1e3", "1.5", ".5", "1_000", "0b101", "1:20", ".inf", "-.inf",
        ".NaN", "2026-11-01", "2026-11-01T00:00:00Z", "2026-11-01 10:00:00", "<<", "=",
        // Syntax.
        "a: b", "a:b", "key:", "a #b", "a#b", "#comment", "- item", "-item", "-", "--", "---", "--- x", "...", "? x", "?x",
        "?", ":x", ": x", "*alias", "&anchor", "!tag", "!!str", "%TAG", "@at", "`tick`", "a`b", "{a}", "[a]", "{}", "[]",
        "a, b", "a]", "a}", "a{b", "|", "|-", ">", "> folded", "a |", "'single'", "\"double\"", "it's", "say \"hi\"",
        "back\\slash", "C:\\Temp\\", "a\\nb", "'", "\"", "''", "100%", "#", "a ## b", "x:y:z", "&", "*",
        // Dollars that are not `${`.
        "$HOME", "$", "$$", "$ {env:X}", "{env:X}", "price $5 {net}", "$}{",
        // Unicode and invisible characters.
        "Técnicos de campo", "Jose\u{301}", "Jos\u{E9}", "工单同步 🔧", "مرحبا بالعالم", "a\u{A0}b", "a\u{200B}b", "a\u{FEFF}b",
        "a\u{0}b", "bell\u{7}", "esc\u{1B}[0m", "del\u{7F}", "c1\u{85}x", "c1\u{9F}x", "ls\u{2028}ps\u{2029}x", "\u{E000}private",
        "nonchar\u{FFFE}x", "emoji 👩‍👩‍👧‍👦 family",
    ]

    /// Descriptions only: white space at either end, line breaks, tabs, the empty string, a long line.
    static let nastyDescriptions: [String] = [
        "", " ", "  ", " leading", "trailing ", "\ttab", "tab\tinside", "line1\nline2", "line1\n", "\nline", "crlf\r\nend",
        "cr\rend", "two\n\nbreaks", "space \n break", "break\n space", "a\u{A0}", "\u{A0}a",
        String(repeating: "palabra larga ", count: 35) + "fin",  // 493 characters with many spaces: no folding
        String(repeating: "ñ", count: 500),
    ]

    /// A company whose group names, consumer names and descriptions are the nasty strings.
    static func nastyCompany() -> LiveState {
        let names = nastyStrings.filter { name in
            guard let first = name.unicodeScalars.first, let last = name.unicodeScalars.last else { return false }
            return !first.properties.isWhitespace && !last.properties.isWhitespace
        }
        // One group of the names that look alike ("Jose\u{301}", "Jos\u{E9}"): `Set<String>` keeps the first.
        var seen: Set<String> = []
        let groupNames = names.filter { seen.insert($0).inserted }
        var groups: [LiveGroup] = []
        for (index, name) in groupNames.enumerated() {
            let description = index % 2 == 0 ? name : nastyDescriptions[index % nastyDescriptions.count]
            groups.append(LiveGroup(id: 10 + index, name: name, description: description, permissions: index % 3 == 0 ? codes("assets:view") : []))
        }
        var consumers: [LiveConsumer] = []
        for (index, name) in names.enumerated() {
            // Two consumers whose names look alike but differ: both declared. This key reads as a number
            // unless quoted.
            consumers.append(consumer(
                sameText(name, "Jose\u{301}") ? "1234567890123456" : key(index), name, group: groups[(index * 7) % groups.count].id,
                description: index % 2 == 1 ? name : nastyDescriptions[index % nastyDescriptions.count]))
        }
        for (index, description) in nastyDescriptions.enumerated() {
            consumers.append(consumer(key(1_000 + index), "descripción \(index)", group: groups[index].id, description: description))
        }
        let redirects = [
            "https://bi.example.com/cb?x=1&y=2#frag", "http://127.0.0.1:8080/cb", "http://[::1]/cb", "http://localhost/a: b",
            "https://例え.jp/コールバック", "https://x.example.com/'quoted' #not-a-comment",
        ]
        for (index, uri) in redirects.enumerated() {
            consumers.append(consumer(
                key(2_000 + index), "portal \(index)", group: groups[index].id, grantType: .authorizationCode, redirectURI: uri,
                hub: index % 2 == 0))
        }
        return LiveState(groups: groups, consumers: consumers, catalog: catalog)
    }
}

/// What one export → load → plan round trip produced.
struct ExportRoundTrip {
    let exported: ExportedConfiguration
    let loaded: LoadedConfiguration
    let planned: PlanningResult

    /// Exports `live`, writes the files into a temporary folder, loads the folder (with variables set, so
    /// that an interpolation would show), and plans the result against the same live state.
    init(_ live: LiveState, ownClientID: String? = nil) throws {
        exported = ConfigurationExporter.export(live, ownClientID: ownClientID, target: ExportFixtures.target)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for file in exported.files {
            try folder.write(file.text, to: file.path)
        }
        loaded = ConfigurationLoader(environment: ["HOME": "/home/x", "X": "replaced"]).load(paths: [folder.url.path])
        planned = Planner.plan(
            desired: loaded.state, live: live,
            context: PlanningContext(target: ExportFixtures.target, configurationDigest: "digest", ownClientID: ownClientID, now: ExportFixtures.now))
    }

    /// The errors of the load and of the plan, as text.
    var errors: [String] {
        (loaded.diagnostics + planned.diagnostics).filter { $0.severity == .error }.map(\.description)
    }
}

/// Compares by code points, unlike `==` on strings, which takes "é" and "e" + U+0301 as equal.
func sameText(_ lhs: String?, _ rhs: String?) -> Bool {
    switch (lhs, rhs) {
    case (nil, nil): true
    case let (left?, right?): left.unicodeScalars.elementsEqual(right.unicodeScalars)
    default: false
    }
}

/// Checks that the loaded declarations state the live objects exactly, code point for code point.
func expectExactDeclarations(
    _ loaded: LoadedConfiguration, groups: [LiveGroup], consumers: [LiveConsumer], in live: LiveState,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    #expect(loaded.state.groups.count == groups.count, sourceLocation: sourceLocation)
    for (declared, group) in zip(loaded.state.groups, groups) {
        #expect(sameText(declared.name.value, group.name), "group \(group.id) name", sourceLocation: sourceLocation)
        #expect(sameText(declared.description.value, group.description), "group \(group.id) description", sourceLocation: sourceLocation)
        #expect(declared.permissions.map(\.value) == group.permissions.sorted().map(PermissionPattern.code), sourceLocation: sourceLocation)
    }
    let groupNames = Dictionary(live.groups.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    #expect(loaded.state.consumers.count == consumers.count, sourceLocation: sourceLocation)
    for (declared, consumer) in zip(loaded.state.consumers, consumers) {
        #expect(sameText(declared.name, consumer.name), "consumer \(consumer.key) name", sourceLocation: sourceLocation)
        #expect(sameText(declared.description, consumer.description), "consumer \(consumer.key) description", sourceLocation: sourceLocation)
        #expect(declared.grantType == consumer.grantType, sourceLocation: sourceLocation)
        #expect(sameText(declared.permissionGroup, groupNames[consumer.permissionGroup]), sourceLocation: sourceLocation)
        #expect(sameText(declared.redirectURI, consumer.redirectURI), sourceLocation: sourceLocation)
        #expect(declared.hub == consumer.hub, sourceLocation: sourceLocation)
    }
}
