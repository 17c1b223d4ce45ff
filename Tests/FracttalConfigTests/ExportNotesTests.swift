import Foundation
import FracttalConfig
import FracttalModel
import FracttalPlan
import Testing

/// Live objects the language cannot state: left out or reported, each with a note, never an invalid file.
struct ExportNotesTests {
    typealias F = ExportFixtures

    static let allGroupCodes = Set(F.catalog.codes)

    @Test func twoGroupsOfOneNameExportTheLowestIDAndThePlanReportsTheAmbiguity() throws {
        let live = LiveState(
            groups: [
                LiveGroup(id: 3, name: "Técnicos", permissions: F.codes("assets:view")),
                LiveGroup(id: 5, name: "Otro", permissions: Self.allGroupCodes),
                LiveGroup(id: 7, name: "Técnicos", description: "copia", permissions: F.codes("meters:view")),
            ],
            consumers: [
                F.consumer("AAAAAAAAAAAAAAAAA1", "a", group: 7),
                F.consumer("AAAAAAAAAAAAAAAAA2", "b", group: 3),
                F.consumer("AAAAAAAAAAAAAAAAA3", "c", group: 5),
            ],
            catalog: F.catalog)
        let trip = try ExportRoundTrip(live)
        #expect(trip.exported.notes == [
            "group[\"Técnicos\"] (id 7) is not exported: group id 3 has the same name and is exported instead, since a name can be declared only once: rename one of them by hand, then export again; plans leave it as it is while `prune` is false.",
            "consumer[\"a\"], consumer[\"b\"] use the permission group group[\"Técnicos\"], a name that live groups 3, 7 share: plans will report the ambiguity until one of those groups is renamed by hand (then export again).",
        ])
        // The files are valid: `validate` accepts them.
        #expect(trip.loaded.diagnostics.isEmpty, "\(trip.loaded.diagnostics)")
        #expect(trip.loaded.state.groups.map(\.name.value) == ["Técnicos", "Otro"])
        #expect(trip.loaded.state.groups.first?.description.value == nil)
        #expect(trip.loaded.state.consumers.map(\.name) == ["a", "b", "c"])
        // The plan refuses until a group is renamed by hand.
        #expect(trip.errors.count == 1)
        #expect(trip.errors.first?.contains("Técnicos") == true)
    }

    @Test func canonicallyEquivalentGroupNamesAreTwoNames() throws {
        // Case makes two names, and so do "Jos\u{E9}" and "Jose\u{301}": the server, the loader and the
        // planner all compare names code point for code point. Every group is exported; validate warns
        // that two of the names look alike, and the plan finds nothing to change.
        let live = LiveState(
            groups: [
                LiveGroup(id: 1, name: "Jos\u{E9}", permissions: Self.allGroupCodes),
                LiveGroup(id: 2, name: "jos\u{E9}", permissions: []),
                LiveGroup(id: 4, name: "Jose\u{301}", permissions: []),
            ],
            catalog: F.catalog)
        let exported = ConfigurationExporter.export(live, ownClientID: nil, target: F.target)
        #expect(exported.notes.isEmpty, "\(exported.notes)")
        let trip = try ExportRoundTrip(live)
        #expect(trip.loaded.diagnostics.map(\.code) == ["FRC134"], "\(trip.loaded.diagnostics)")
        #expect(trip.loaded.diagnostics.first?.message.hasPrefix("permission group `Jose\\u{301}` looks the same as `Jos\\u{E9}`") == true)
        #expect(trip.errors.isEmpty, "\(trip.errors)")
        #expect(trip.planned.plan.actions.isEmpty)
        expectExactDeclarations(trip.loaded, groups: live.groups, consumers: [], in: live)
    }

    @Test func textsWithInterpolationAreLeftOut() throws {
        let live = LiveState(
            groups: [
                LiveGroup(id: 1, name: "Planta ${env:X}", permissions: []),
                LiveGroup(id: 2, name: "Ok", description: "costo $${env:HOME}", permissions: Self.allGroupCodes),
                LiveGroup(id: 3, name: "Llano", description: "$HOME y {env:X} y $ {x}", permissions: []),
            ],
            consumers: [
                F.consumer("AAAAAAAAAAAAAAAAA1", "en planta", group: 1),
                F.consumer("AAAAAAAAAAAAAAAAA2", "descrito", group: 3, description: "${env:HOME}"),
                F.consumer(
                    "AAAAAAAAAAAAAAAAA3", "portal", group: 3, grantType: .authorizationCode,
                    redirectURI: "https://x.example.com/${tenant}/cb"),
                F.consumer("AAAAAAAAAAAAAAAAA4", "pre${x", group: 3),
                F.consumer("AAAAAAAAAAAAAAAAA5", "en ok", group: 2, description: "$5 {net}"),
            ],
            catalog: F.catalog)
        let trip = try ExportRoundTrip(live)
        let suffix = "which the configuration reads as the start of a variable and has no way to write literally: change it by hand to manage it here; plans leave it as it is while `prune` is false."
        #expect(trip.exported.notes == [
            "group[\"Planta ${env:X}\"] (id 1) is not exported: its name holds `${`, " + suffix,
            "group[\"Ok\"] (id 2) is not exported: its description holds `${`, " + suffix,
            "consumer[\"en planta\"] (key AAAAAAAAAAAAAAAAA1) is not exported: its permission group group[\"Planta ${env:X}\"] (id 1) has a name the configuration cannot write; plans leave it as it is while `prune` is false.",
            "consumer[\"descrito\"] (key AAAAAAAAAAAAAAAAA2) is not exported: its description holds `${`, " + suffix,
            "consumer[\"portal\"] (key AAAAAAAAAAAAAAAAA3) is not exported: its redirect_uri holds `${`, " + suffix,
            "consumer[\"pre${x\"] (key AAAAAAAAAAAAAAAAA4) is not exported: its name holds `${`, " + suffix,
        ])
        #expect(trip.errors.isEmpty, "\(trip.errors)")
        #expect(trip.planned.plan.actions.isEmpty)
        #expect(trip.loaded.state.groups.map(\.name.value) == ["Llano"])
        // A consumer of a group left out for its description still names it: the plan finds it live.
        #expect(trip.loaded.state.consumers.map(\.name) == ["en ok"])
        #expect(trip.loaded.diagnostics.map(\.severity) == [.warning])
        #expect(trip.loaded.state.groups.first?.description.value == "$HOME y {env:X} y $ {x}")
    }

    @Test func objectsTheLanguageRefusesAreLeftOut() throws {
        let longName = String(repeating: "n", count: 101)
        let longDescription = String(repeating: "d", count: 501)
        let live = LiveState(
            groups: [
                LiveGroup(id: 1, name: "Base", permissions: Self.allGroupCodes),
                LiveGroup(id: 2, name: " acolchado", permissions: []),
                LiveGroup(id: 3, name: "Larga", description: longDescription, permissions: []),
                LiveGroup(id: 4, name: "Inventario", permissions: F.codes("inventory:view", "assets:view")),
                LiveGroup(id: 5, name: "Rara", permissions: [PermissionCode(module: "Assets", action: "view")]),
            ],
            consumers: [
                F.consumer("AAAAAAAAAAAAAAAAA1", "con redirect", group: 1, redirectURI: "https://x.example.com/cb"),
                F.consumer("AAAAAAAAAAAAAAAAA2", "sin redirect", group: 1, grantType: .authorizationCode),
                F.consumer(
                    "AAAAAAAAAAAAAAAAA3", "inseguro", group: 1, grantType: .authorizationCode,
                    redirectURI: "http://portal.example.com/cb"),
                F.consumer("AAAAAAAAAAAAAAAAA4", "huérfano", group: 99),
                F.consumer("AAAAAAAAAAAAAAAAA5", longName, group: 1),
                F.consumer("AAAAAAAAAAAAAAAAA6", "", group: 1),
                F.consumer("AAAAAAAAAAAAAAAAA7", "en acolchado", group: 2),
                F.consumer("AAAAAAAAAAAAAAAAA8", "en inventario", group: 4),
                F.consumer("short", "gemelo", group: 1),
                F.consumer("AAAAAAAAAAAAAAAAA9", "gemelo", group: 1),
            ],
            catalog: F.catalog)
        let trip = try ExportRoundTrip(live)
        let left = "; plans leave it as it is while `prune` is false."
        let rename = ", which the configuration refuses (names have 1 to 100 characters, no white space at either end): rename it by hand to manage it here"
        #expect(trip.exported.notes == [
            "group[\" acolchado\"] (id 2) is not exported: its name starts or ends with white space" + rename + left,
            "group[\"Larga\"] (id 3) is not exported: its description has 501 characters, more than the 500 the configuration allows: shorten it by hand to manage it here" + left,
            "group[\"Inventario\"] (id 4) is not exported: it grants inventory:view, which the permission catalog does not hold, so no declaration can grant it" + left,
            "group[\"Rara\"] (id 5) is not exported: it grants Assets:view, which the permission catalog does not hold, so no declaration can grant it" + left,
            "consumer[\"con redirect\"] (key AAAAAAAAAAAAAAAAA1) is not exported: it is a client_credentials consumer with a redirect_uri, which the configuration allows only for authorization_code" + left,
            "consumer[\"sin redirect\"] (key AAAAAAAAAAAAAAAAA2) is not exported: it is an authorization_code consumer without a redirect_uri, which the configuration requires" + left,
            "consumer[\"inseguro\"] (key AAAAAAAAAAAAAAAAA3) is not exported: its redirect_uri http://portal.example.com/cb is neither https:// nor http:// to a loopback host, as the configuration requires" + left,
            "consumer[\"huérfano\"] (key AAAAAAAAAAAAAAAAA4) is not exported: its permission group id 99 is not live" + left,
            "consumer[\"\(longName)\"] (key AAAAAAAAAAAAAAAAA5) is not exported: its name has 101 characters" + rename + left,
            "consumer[\"\"] (key AAAAAAAAAAAAAAAAA6) is not exported: its name is empty" + rename + left,
            "consumer[\"en acolchado\"] (key AAAAAAAAAAAAAAAAA7) is not exported: its permission group group[\" acolchado\"] (id 2) has a name the configuration cannot write" + left,
            "consumer[\"gemelo\"] (key short) is not exported: its key short is not 16 to 20 letters and digits, so `key:` cannot tell it apart from the other live consumers of its name" + left,
        ])
        #expect(trip.errors.isEmpty, "\(trip.errors)")
        #expect(trip.planned.plan.actions.isEmpty)
        #expect(trip.loaded.state.groups.map(\.name.value) == ["Base"])
        #expect(trip.loaded.state.consumers.map(\.name) == ["en inventario", "gemelo"])
        #expect(trip.loaded.state.consumers.last?.key?.value == "AAAAAAAAAAAAAAAAA9")
    }

    @Test func ownClientIDThatIsNotLiveProtectsNothing() throws {
        let live = LiveState(
            groups: [LiveGroup(id: 1, name: "Base", permissions: Self.allGroupCodes)],
            consumers: [F.consumer("AAAAAAAAAAAAAAAAA1", "uno", group: 1)],
            catalog: F.catalog)
        let trip = try ExportRoundTrip(live, ownClientID: "ZZZZZZZZZZZZZZZZZ9")
        #expect(trip.exported.notes == [
            "the client id this tool signs in with (ZZZZZZZZZZZZZZZZZ9) is the key of no live consumer, so settings.protect names no consumer.",
        ])
        #expect(trip.exported.files[0].text.hasSuffix("settings:\n  prune: false\n"))
        #expect(trip.loaded.state.settings.protectedConsumers.isEmpty)
        #expect(trip.errors.isEmpty, "\(trip.errors)")
        #expect(trip.planned.plan.actions.isEmpty)
    }

    @Test func notesEscapeLineBreaksInNames() {
        let live = LiveState(
            groups: [
                LiveGroup(id: 1, name: "a\nb", permissions: []),
                LiveGroup(id: 2, name: "a\nb", permissions: []),
            ],
            catalog: F.catalog)
        let exported = ConfigurationExporter.export(live, ownClientID: nil, target: F.target)
        #expect(exported.notes.count == 1)
        #expect(exported.notes.first?.hasPrefix("group[\"a\\u{A}b\"] (id 2) is not exported") == true)
        #expect(exported.notes.allSatisfy { !$0.contains("\n") })
    }
}

extension ExportNotesTests {
    @Test func ownKeyThatNoNameRuleAcceptsIsNotProtected() throws {
        let live = LiveState(
            groups: [LiveGroup(id: 1, name: "Base", permissions: Self.allGroupCodes)],
            consumers: [F.consumer(" spaced key", "uno", group: 1)],
            catalog: F.catalog)
        let trip = try ExportRoundTrip(live, ownClientID: " spaced key")
        #expect(trip.exported.notes == [
            "the client id this tool signs in with ( spaced key) cannot be written in settings.protect, so it names no consumer: protect that consumer by hand.",
        ])
        #expect(trip.loaded.state.settings.protectedConsumers.isEmpty)
        #expect(trip.errors.isEmpty, "\(trip.errors)")
        #expect(trip.planned.plan.actions.isEmpty)
    }
}
