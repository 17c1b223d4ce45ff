import Foundation
import FracttalModel
import FracttalPlan
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
            key: nil, name: "erp-sync", description: "SAP PM", grantType: .clientCredentials,
            permissionGroup: "Techs", redirectURI: nil, hub: true)))
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
        #expect(action.liveFingerprint == Fingerprint.of(live))
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
        #expect(result.messages == [
            "fracttal.yaml:26:20: error: no live consumer has key `NOPE`; correct the key, or remove `key:` to match the consumer by name",
        ])
        #expect(result.plan.actions.isEmpty)
    }

    @Test func twoLiveConsumersOfTheNameAreAnErrorListingBothKeys() {
        let result = Scenario(
            consumers: [declaredConsumer("erp-sync", group: "Techs", line: 20)],
            liveGroups: [techs],
            liveConsumers: [liveConsumer("KEY1", "erp-sync", group: 12), liveConsumer("KEY2", "erp-sync", group: 12)]
        ).plan()
        #expect(result.messages == [
            #"fracttal.yaml:20:11: error: consumer["erp-sync"] matches 2 live consumers, keys KEY1 ("erp-sync") and KEY2 ("erp-sync"); add `key:` with the key of the one it means to settle it"#,
        ])
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
        #expect(result.messages == [
            #"fracttal.yaml:27:22: error: consumer["bi-portal"] matches 2 live consumers, keys KEY1 ("a") and KEY2 ("b"); add `key:` with the key of the one it means to settle it"#,
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
        #expect(result.messages == [
            #"fracttal.yaml:40:5: error: consumer["bi-portal"] matches the live consumer KEY1 ("alex"), which consumer["alex"] (fracttal.yaml:20:5) matches too; a live consumer belongs to one declaration only: remove the stale previous_names entry or set `key:` on the right declaration"#,
        ])
    }

    @Test func aRenameOntoTheNameOfAnUndeclaredLiveConsumerWarns() {
        let result = Scenario(
            consumers: [declaredConsumer("erp-sync", group: "Techs", line: 20, key: "KEY1")],
            liveGroups: [techs],
            liveConsumers: [liveConsumer("KEY1", "old", group: 12), liveConsumer("KEY2", "erp-sync", group: 12)]
        ).plan()
        #expect(result.messages == [
            #"fracttal.yaml:20:11: warning: after this plan 2 live consumers will be named "erp-sync" (keys KEY1 and KEY2); matching by name will then be ambiguous, so keep `key:` on this declaration or rename the other consumer"#,
        ])
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
        #expect(result.messages == [
            #"fracttal.yaml:23:20: error: permission group "Integration" is neither declared nor live; did you mean "Integrations"?"#,
            #"fracttal.yaml:43:20: error: permission group "Nothing like it" is neither declared nor live; declare it under permission_groups or name a live group"#,
        ])
    }

    @Test func anUndeclaredNameOfTwoLiveGroupsIsAnError() {
        let result = Scenario(
            consumers: [declaredConsumer("erp-sync", group: "Techs", line: 20)],
            liveGroups: [liveGroup(4, "Techs"), liveGroup(9, "Techs")]
        ).plan()
        #expect(result.messages == [
            #"fracttal.yaml:23:20: error: permission group "Techs" names 2 live groups (ids 4 and 9) and no declared one; rename or delete one of them by hand in Fracttal, then plan again"#,
        ])
    }
}
