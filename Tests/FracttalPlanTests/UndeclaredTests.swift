import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

/// Without prune, the plan says what lives undeclared; a create that looks like a rename suggests `previous_names`.
struct UndeclaredTests {
    static let techs = liveGroup(12, "Techs", ["assets:view"])

    @Test func withoutPruneUndeclaredObjectsAreNotedAndListed() throws {
        let result = Scenario(
            groups: [declaredGroup("Techs", ["assets:view"], line: 10)],
            liveGroups: [liveGroup(1, "Default", isDefault: true), Self.techs, liveGroup(13, "Legacy")],
            liveConsumers: [
                liveConsumer("OWNKEY", "ci", group: 1), liveConsumer("KEY1", "old-export", group: 13),
            ],
            ownClientID: "OWNKEY"
        ).plan()

        #expect(result.plan.actions.isEmpty)
        #expect(result.plan.undeclared.consumers == [.init(name: "old-export", key: "KEY1")])
        #expect(result.plan.undeclared.groups == [.init(name: "Legacy", id: 13)])
        #expect(result.plan.warnings.map(\.diagnostic.finding).contains("note FRC226 at no place"))
        #expect(!result.findings.contains { $0.contains("FRC226") }, "a plan's note, not a finding on standard error")
        #expect(result.plan.renderedText().contains("1 live consumer and 1 live group are declared by no file"))
        let json = try JSONSerialization.jsonObject(with: result.plan.encodedJSON()) as? [String: Any]
        let undeclared = try #require(json?["undeclared"] as? [String: [[String: Any]]])
        #expect(undeclared["consumers"]?.first?["key"] as? String == "KEY1")
        #expect(undeclared["groups"]?.first?["id"] as? Int == 13)
        #expect(try Plan.decode(from: result.plan.encodedJSON()) == result.plan)
    }

    @Test func withPruneNothingIsListed() {
        let result = Scenario(
            settings: pruning(),
            liveGroups: [liveGroup(1, "Default", isDefault: true), Self.techs],
            liveConsumers: [liveConsumer("KEY1", "old-export", group: 12)]
        ).plan()
        #expect(result.plan.undeclared == UndeclaredObjects())
        #expect(!result.plan.warnings.contains { $0.diagnostic.code == "FRC226" })
    }

    @Test func aCreateWhoseUndeclaredTwinDiffersOnlyByNameSuggestsPreviousNames() {
        let result = Scenario(
            consumers: [declaredConsumer("erp", group: "Techs", line: 20, description: "SAP PM", hub: true)],
            liveGroups: [Self.techs],
            liveConsumers: [
                liveConsumer("KEY1", "erp-sync", group: 12, description: "SAP PM", hub: true),
                liveConsumer("KEY2", "other", group: 12, description: "SAP PM", hub: false),
            ]
        ).plan()
        #expect(result.findings.contains("warning FRC225 at fracttal.yaml:20:11"))
        #expect(result.mentions("erp-sync", "KEY1", "previous_names"))
        #expect(!result.mentions("KEY2 "))
    }

    @Test func noTwinNoWarning() {
        let result = Scenario(
            consumers: [declaredConsumer("erp", group: "Techs", line: 20, description: "SAP PM")],
            liveGroups: [Self.techs],
            liveConsumers: [liveConsumer("KEY1", "erp-sync", group: 12, description: "another")]
        ).plan()
        #expect(!result.findings.contains { $0.contains("FRC225") })
    }
}
