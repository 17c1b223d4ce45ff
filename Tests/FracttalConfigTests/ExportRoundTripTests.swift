import Foundation
import FracttalConfig
import FracttalModel
import FracttalPlan
import Testing

/// Export → files → loader → planner against the same live state: no error and no action.
struct ExportRoundTripTests {
    @Test func helpArticleCompanyPlansToNoChange() throws {
        let live = ExportFixtures.helpArticleCompany
        let trip = try ExportRoundTrip(live, ownClientID: ExportFixtures.ownKey)
        #expect(trip.errors.isEmpty, "\(trip.errors)")
        #expect(trip.planned.plan.actions.isEmpty)
        // Every group and every consumer but the second "Integración SAP", which a name declared once cannot state.
        let left = live.consumers.filter { $0.key != "SAP000000000000002" }
        #expect(trip.planned.plan.summary.unchanged == live.groups.count + left.count)
        expectExactDeclarations(trip.loaded, groups: live.groups, consumers: left, in: live)
        #expect(trip.loaded.diagnostics.isEmpty, "\(trip.loaded.diagnostics)")
        // The planner warns that the declared "Integración SAP" shares its name with the one left out.
        #expect(trip.planned.diagnostics.map(\.severity) == [.warning])

        let state = trip.loaded.state
        #expect(state.settings.prunes == false)
        #expect(state.settings.protectedConsumers.map(\.value) == [ExportFixtures.ownKey])
        #expect(state.consumers.compactMap(\.key?.value) == ["SAP000000000000001"])
        #expect(trip.exported.notes == [
            "consumer[\"Integración SAP\"] (key SAP000000000000002) is not exported: the consumer with key SAP000000000000001 has the same name and is exported instead, since a name can be declared only once: rename one of them by hand, then export again; plans leave it as it is while `prune` is false.",
        ])
    }

    @Test func thousandConsumersOverTwentyGroupsPlanToNoChange() throws {
        let live = ExportFixtures.generatedCompany()
        // Consumer 140 is in group 0, which grants everything: the planner requires the tool's group to
        // grant at least security:view and api_connections:view, as any group the tool can read with does.
        let trip = try ExportRoundTrip(live, ownClientID: ExportFixtures.key(140))
        #expect(trip.errors.isEmpty, "\(trip.errors)")
        #expect(trip.planned.plan.actions.isEmpty)
        #expect(trip.planned.plan.summary.unchanged == 1_020)
        #expect(trip.exported.notes.isEmpty)
        #expect(trip.loaded.diagnostics.isEmpty, "\(trip.loaded.diagnostics.prefix(5))")
        #expect(trip.planned.diagnostics.isEmpty, "\(trip.planned.diagnostics.prefix(5))")
        expectExactDeclarations(trip.loaded, groups: live.groups, consumers: live.consumers, in: live)
    }

    @Test func nastyStringsComeBackExactly() throws {
        let live = ExportFixtures.nastyCompany()
        let trip = try ExportRoundTrip(live)
        #expect(trip.errors.isEmpty, "\(trip.errors)")
        #expect(trip.planned.plan.actions.isEmpty)
        #expect(trip.exported.notes.isEmpty, "\(trip.exported.notes)")
        #expect(trip.planned.diagnostics.isEmpty, "\(trip.planned.diagnostics)")
        expectExactDeclarations(trip.loaded, groups: live.groups, consumers: live.consumers, in: live)
        // "Jose\u{301}" and "Jos\u{E9}" are two names: both consumers are declared, neither needs its key,
        // and validate warns that they look alike.
        #expect(trip.loaded.diagnostics.map(\.code) == ["FRC134"], "\(trip.loaded.diagnostics)")
        #expect(trip.loaded.diagnostics.first?.message.hasPrefix("consumer `Jos\\u{E9}` looks the same as `Jose\\u{301}`") == true)
        #expect(trip.loaded.state.consumers.allSatisfy { $0.key == nil })
    }

    @Test func everyExportedLineIsOneLine() throws {
        // Scalars never fold onto a second line, however long: each item line starts with its key.
        let live = ExportFixtures.nastyCompany()
        let exported = ConfigurationExporter.export(live, ownClientID: nil, target: ExportFixtures.target)
        let keys = ["version:", "settings:", "prune:", "permission_groups:", "consumers:", "- name:", "name:", "description:",
                    "permissions:", "- ", "grant_type:", "permission_group:", "redirect_uri:", "hub:", "key:", "#"]
        for file in exported.files {
            for line in file.text.split(separator: "\n", omittingEmptySubsequences: true) {
                let trimmed = line.drop { $0 == " " }
                #expect(keys.contains { trimmed.hasPrefix($0) }, "\(file.path): \(line)")
            }
        }
    }
}
