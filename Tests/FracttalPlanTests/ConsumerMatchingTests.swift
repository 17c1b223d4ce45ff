import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

struct ConsumerMatchingTests {
    let techs = liveGroup(12, "Techs", ["assets:view"])

    @Test func createsAConsumerNoLiveOneMatches() {
        let result = Scenario(
            consumers: [declaredConsumer("erp-sync", group: "Techs", line: 20, description: "SAP PM", hub: true)],
            liveGroups: [techs]
        ).plan()
        #expect(result.messages.isEmpty)
        #expect(result.outline == [#"1 create consumer["erp-sync"]"#])
        let action = result.plan.actions[0]
        #expect(action.after == .consumer(ConsumerState(
            key: nil, fields: ConsumerFields(name: "erp-sync", description: "SAP PM", permissionGroup: "Techs", hub: true))))
        #expect(action.groupRef == .live(id: 12))
        #expect(action.liveKey == nil)
    }

    @Test func matchesByNameAndUpdatesChangedFields() {
        let live = liveConsumer("KEY1", "erp-sync", group: 12, description: "old", hub: false)
        let result = Scenario(
            consumers: [declaredConsumer("erp-sync", group: "Techs", line: 20, description: "new", hub: true)],
            liveGroups: [techs], liveConsumers: [live]
        ).plan()
        #expect(result.messages.isEmpty)
        #expect(result.outline == [#"1 update consumer["erp-sync"]"#])
        let action = result.plan.actions[0]
        #expect(action.changedFields == ["description", "hub"])
        #expect(action.before?.consumer?.key == "KEY1")
        #expect(action.after?.consumer?.key == "KEY1")
        #expect(action.liveKey == "KEY1")
        #expect(action.liveFingerprint == Fingerprint.of(live, for: action.action))
        #expect(action.groupRef == .live(id: 12))
    }

    @Test func matchesByKeyAndRenames() {
        let result = Scenario(
            consumers: [declaredConsumer("bi-portal", group: "Techs", line: 20, key: "KEY1")],
            liveGroups: [techs], liveConsumers: [liveConsumer("KEY1", "consumidor alex", group: 12)]
        ).plan()
        #expect(result.messages.isEmpty)
        #expect(result.outline == [#"1 update consumer["bi-portal"]"#])
        #expect(result.plan.actions[0].changedFields == ["name"])
        #expect(result.plan.actions[0].before?.name == "consumidor alex")
    }

    @Test func aKeyThatIsNotLiveIsAnErrorAtTheKey() {
        let result = Scenario(
            consumers: [declaredConsumer("bi-portal", group: "Techs", line: 20, key: "NOPE")],
            liveGroups: [techs], liveConsumers: [liveConsumer("KEY1", "bi-portal", group: 12)]
        ).plan()
        #expect(result.findings == [
            "error FRC204 at fracttal.yaml:26:20",
        ])
        #expect(result.plan.actions.isEmpty)
    }

    @Test func twoLiveConsumersOfTheNameAreAnErrorListingBothKeys() {
        let result = Scenario(
            consumers: [declaredConsumer("erp-sync", group: "Techs", line: 20)],
            liveGroups: [techs],
            liveConsumers: [liveConsumer("KEY1", "erp-sync", group: 12), liveConsumer("KEY2", "erp-sync", group: 12)]
        ).plan()
        #expect(result.findings == [
            "error FRC205 at fracttal.yaml:20:11",
        ])
        #expect(result.mentions("KEY1", "KEY2"))
    }

    @Test func aKeySettlesTwoLiveConsumersOfOneName() {
        let result = Scenario(
            consumers: [declaredConsumer("erp-sync", group: "Techs", line: 20, key: "KEY2")],
            liveGroups: [techs],
            liveConsumers: [liveConsumer("KEY1", "erp-sync", group: 12), liveConsumer("KEY2", "erp-sync", group: 12)]
        ).plan()
        #expect(result.errors.isEmpty)
        #expect(result.plan.actions.isEmpty)
        #expect(result.plan.summary.unchanged == 1)
    }

    @Test func previousNameRenamesInPlace() {
        let result = Scenario(
            consumers: [declaredConsumer("bi-portal", group: "Techs", line: 20, previousNames: ["old one", "consumidor alex"])],
            liveGroups: [techs], liveConsumers: [liveConsumer("KEY1", "consumidor alex", group: 12)]
        ).plan()
        #expect(result.messages.isEmpty)
        #expect(result.outline == [#"1 update consumer["bi-portal"]"#])
        #expect(result.plan.actions[0].changedFields == ["name"])
        #expect(result.plan.actions[0].liveKey == "KEY1")
        #expect(result.plan.actions[0].reason == #"differs in name; found by its previous name "consumidor alex""#)
    }

    @Test func theCurrentNameWinsOverAPreviousName() {
        let result = Scenario(
            consumers: [declaredConsumer("bi-portal", group: "Techs", line: 20, previousNames: ["old"])],
            liveGroups: [techs],
            liveConsumers: [liveConsumer("KEY1", "old", group: 12), liveConsumer("KEY2", "bi-portal", group: 12)]
        ).plan()
        #expect(result.messages.isEmpty)
        #expect(result.plan.actions.isEmpty)
    }

    @Test func previousNamesMatchingTwoLiveConsumersAreAnError() {
        let result = Scenario(
            consumers: [declaredConsumer("bi-portal", group: "Techs", line: 20, previousNames: ["a", "b"])],
            liveGroups: [techs],
            liveConsumers: [liveConsumer("KEY1", "a", group: 12), liveConsumer("KEY2", "b", group: 12)]
        ).plan()
        #expect(result.findings == [
            "error FRC205 at fracttal.yaml:27:22",
        ])
    }

    @Test func aLiveConsumerClaimedByTwoDeclarationsIsAnError() {
        let result = Scenario(
            consumers: [
                declaredConsumer("alex", group: "Techs", line: 20),
                declaredConsumer("bi-portal", group: "Techs", line: 40, previousNames: ["alex"]),
            ],
            liveGroups: [techs], liveConsumers: [liveConsumer("KEY1", "alex", group: 12)]
        ).plan()
        #expect(result.findings == [
            "error FRC206 at fracttal.yaml:40:5",
        ])
    }

    @Test func aRenameOntoTheNameOfAnUndeclaredLiveConsumerWarns() {
        let result = Scenario(
            consumers: [declaredConsumer("erp-sync", group: "Techs", line: 20, key: "KEY1")],
            liveGroups: [techs],
            liveConsumers: [liveConsumer("KEY1", "old", group: 12), liveConsumer("KEY2", "erp-sync", group: 12)]
        ).plan()
        #expect(result.findings == [
            "warning FRC220 at fracttal.yaml:20:11",
        ])
        #expect(result.mentions("KEY1", "KEY2"))
        #expect(result.outline == [#"1 update consumer["erp-sync"]"#])
    }
}

struct GroupReferenceTests {
    @Test func aConsumerOfADeclaredNewGroupWaitsForItsCreation() {
        let result = Scenario(
            groups: [declaredGroup("Integrations", ["assets:view"], line: 10)],
            consumers: [declaredConsumer("erp-sync", group: "Integrations", line: 20)]
        ).plan()
        #expect(result.messages.isEmpty)
        #expect(result.outline == [#"1 create group["Integrations"]"#, #"2 create consumer["erp-sync"]"#])
        #expect(result.plan.actions[1].groupRef == .planned(name: "Integrations"))
    }

    @Test func movingAConsumerChangesItsPermissionGroup() {
        let result = Scenario(
            consumers: [declaredConsumer("erp-sync", group: "Planners", line: 20)],
            liveGroups: [liveGroup(12, "Techs"), liveGroup(13, "Planners")],
            liveConsumers: [liveConsumer("KEY1", "erp-sync", group: 12)]
        ).plan()
        #expect(result.messages.isEmpty)
        let action = result.plan.actions[0]
        #expect(action.changedFields == ["permission_group"])
        #expect(action.before?.consumer?.permissionGroup == "Techs")
        #expect(action.after?.consumer?.permissionGroup == "Planners")
        #expect(action.groupRef == .live(id: 13))
    }

    @Test func aGroupNeitherDeclaredNorLiveIsAnErrorWithTheNearestName() {
        let result = Scenario(
            groups: [declaredGroup("Integrations", [], line: 10)],
            consumers: [
                declaredConsumer("erp-sync", group: "Integration", line: 20),
                declaredConsumer("bi", group: "Nothing like it", line: 40),
            ],
            liveGroups: [liveGroup(12, "Techs")]
        ).plan()
        #expect(result.findings == [
            "error FRC207 at fracttal.yaml:23:20",
            "error FRC207 at fracttal.yaml:43:20",
        ])
        #expect(result.mentions(#""Integrations""#))
    }

    @Test func anUndeclaredNameOfTwoLiveGroupsIsAnError() {
        let result = Scenario(
            consumers: [declaredConsumer("erp-sync", group: "Techs", line: 20)],
            liveGroups: [liveGroup(4, "Techs"), liveGroup(9, "Techs")]
        ).plan()
        #expect(result.findings == [
            "error FRC208 at fracttal.yaml:23:20",
        ])
        #expect(result.mentions("ids 4 and 9"))
    }
}
