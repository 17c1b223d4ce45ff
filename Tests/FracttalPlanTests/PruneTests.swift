import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

struct PruneTests {
    let defaultGroup = liveGroup(1, "Default", isDefault: true)

    @Test func withoutPruneUndeclaredObjectsAreLeftAlone() {
        let result = Scenario(
            liveGroups: [defaultGroup, liveGroup(12, "Old")],
            liveConsumers: [liveConsumer("KEY1", "old", group: 12)]
        ).plan()
        #expect(result.messages.isEmpty)
        #expect(result.plan.actions.isEmpty)
    }

    @Test func pruneDeletesUndeclaredConsumersThenGroups() {
        let oldConsumer = liveConsumer("KEY1", "old", group: 12)
        let result = Scenario(
            groups: [declaredGroup("Default", [], line: 10)],
            consumers: (0..<4).map { declaredConsumer("keep-\($0)", group: "Default", line: 30 + 20 * $0) },
            settings: pruning(),
            liveGroups: [defaultGroup, liveGroup(12, "Old"), liveGroup(2, "A"), liveGroup(3, "B"), liveGroup(4, "C")],
            liveConsumers: [oldConsumer] + (0..<4).map { liveConsumer("K\($0)", "keep-\($0)", group: 1) },
            allowMassDelete: true
        ).plan()
        #expect(result.messages.isEmpty)
        #expect(result.outline == [#"1 delete consumer["old"]"#, #"2 delete group["A"]"#, #"2 delete group["B"]"#, #"2 delete group["C"]"#, #"2 delete group["Old"]"#])
        let deletion = result.plan.actions[0]
        #expect(deletion.after == nil)
        #expect(deletion.before?.consumer?.permissionGroup == "Old")
        #expect(deletion.liveKey == "KEY1")
        #expect(deletion.liveFingerprint == Fingerprint.of(oldConsumer, for: .delete))
        #expect(deletion.reason == "no file declares it and settings.prune is true")
        #expect(result.plan.actions[4].liveID == 12)
        #expect(result.plan.summary == PlanSummary(delete: 5, unchanged: 5))
    }

    @Test func pruneKeepsProtectedOwnAndDefaultObjectsWithANote() {
        let result = Scenario(
            settings: pruning(protectConsumers: ["legacy", "KEY9"], protectGroups: ["Legacy"]),
            liveGroups: [defaultGroup, liveGroup(5, "CI", adminPermissions), liveGroup(6, "Legacy")],
            liveConsumers: [
                liveConsumer("KEY1", "ci-bootstrap", group: 5),
                liveConsumer("KEY2", "legacy", group: 6),
                liveConsumer("KEY9", "by key", group: 1),
            ],
            ownClientID: "KEY1"
        ).plan()
        #expect(result.findings == [
            "note FRC221 at fracttal.yaml:2:10",
            "note FRC221 at fracttal.yaml:4:18",
            "note FRC221 at fracttal.yaml:4:30",
            "note FRC221 at fracttal.yaml:2:10",
            "note FRC221 at fracttal.yaml:2:10",
            "note FRC221 at fracttal.yaml:5:15",
        ])
        #expect(result.plan.actions.isEmpty)
        #expect(result.plan.notes == result.diagnostics.map(\.message) + [
            "secret delivery was not checked: no secret store was named (--secrets-out or FRACTTAL_SECRETS_OUT)",
        ])
    }

    @Test func aProtectedDeclaredObjectThatDiffersIsKeptAsItIs() {
        let result = Scenario(
            groups: [declaredGroup("Legacy", ["assets:view"], line: 10)],
            consumers: [declaredConsumer("legacy", group: "Legacy", line: 20, hub: true, maxSecretAge: "1d")],
            settings: Settings(protectedConsumers: [Located("legacy", at: at(4, 18))], protectedGroups: [Located("Legacy", at: at(5, 15))]),
            liveGroups: [liveGroup(6, "Legacy")],
            liveConsumers: [liveConsumer("KEY2", "legacy", group: 6, secretAgeDays: 30)]
        ).plan()
        #expect(result.findings == [
            "note FRC221 at fracttal.yaml:5:15",
            "note FRC221 at fracttal.yaml:4:18",
        ])
        #expect(result.plan.actions.isEmpty)
        #expect(result.plan.summary.unchanged == 2)
    }

    @Test func aProtectEntryThatMatchesNothingWarns() {
        let result = Scenario(
            settings: Settings(protectedConsumers: [Located("ghost", at: at(4, 18))], protectedGroups: [Located("Ghosts", at: at(5, 15))]),
            liveGroups: [defaultGroup]
        ).plan()
        #expect(result.findings == [
            "warning FRC210 at fracttal.yaml:4:18",
            "warning FRC210 at fracttal.yaml:5:15",
        ])
    }

    @Test func deletingAGroupWithAccountsIsAnError() {
        let result = Scenario(
            settings: pruning(), liveGroups: [defaultGroup, liveGroup(7, "Crew", accounts: 3), liveGroup(8, "Solo", accounts: 1)],
            allowMassDelete: true
        ).plan()
        #expect(result.findings == [
            "note FRC221 at fracttal.yaml:2:10",
            "error FRC217 at fracttal.yaml:2:10",
            "error FRC217 at fracttal.yaml:2:10",
        ])
    }

    @Test func deletingAGroupThatStayingConsumersUseIsAnError() {
        let result = Scenario(
            consumers: [
                declaredConsumer("erp-sync", group: "Old", line: 20),
                declaredConsumer("new-one", group: "Old", line: 40),
            ],
            settings: pruning(protectConsumers: ["legacy"]),
            liveGroups: [defaultGroup, liveGroup(7, "Old")],
            liveConsumers: [liveConsumer("KEY1", "erp-sync", group: 7), liveConsumer("KEY2", "legacy", group: 7)],
            allowMassDelete: true
        ).plan()
        #expect(result.errorFindings == [
            "error FRC218 at fracttal.yaml:2:10",
        ])
    }

    @Test func aGroupMayBeDeletedOnceItsConsumersMoveOrGo() {
        let result = Scenario(
            consumers: [declaredConsumer("erp-sync", group: "Default", line: 20)],
            settings: pruning(),
            liveGroups: [defaultGroup, liveGroup(7, "Old")],
            liveConsumers: [liveConsumer("KEY1", "erp-sync", group: 7), liveConsumer("KEY2", "stale", group: 7)],
            allowMassDelete: true
        ).plan()
        #expect(result.errors.isEmpty)
        #expect(result.outline == [#"1 update consumer["erp-sync"]"#, #"2 delete consumer["stale"]"#, #"3 delete group["Old"]"#])
    }

    @Test func deletingMoreThanTheShareOfAKindIsRefused() {
        let liveConsumers = (0..<30).map { liveConsumer("K\($0)", "c\($0)", group: 1) }
        let declared = (9..<30).map { declaredConsumer("c\($0)", group: "Default", line: 100 + 20 * $0) }
        var scenario = Scenario(
            consumers: declared, settings: pruning(), liveGroups: [defaultGroup], liveConsumers: liveConsumers)
        #expect(scenario.plan().errorFindings == [
            "error FRC219 at fracttal.yaml:2:10",
        ])
        scenario.allowMassDelete = true
        #expect(scenario.plan().errors.isEmpty)
        scenario.allowMassDelete = false
        scenario.settings = pruning(maxDeletePercent: 30)
        #expect(scenario.plan().errors.isEmpty)
        scenario.settings = pruning(maxDeletePercent: 29)
        #expect(scenario.plan().errorFindings == [
            "error FRC219 at fracttal.yaml:6:23",
        ])
    }

    @Test func groupsCountApartAndShowAFractionalShare() {
        let result = Scenario(
            groups: [declaredGroup("Default", [], line: 10)],
            settings: pruning(),
            liveGroups: [defaultGroup, liveGroup(2, "A"), liveGroup(3, "B")]
        ).plan()
        #expect(result.errorFindings == [
            "error FRC219 at fracttal.yaml:2:10",
        ])
    }

    @Test func theDeleteInsideAReplacementDoesNotCount() {
        let result = Scenario(
            consumers: [declaredConsumer("bi", group: "Default", line: 20, grantType: .authorizationCode, redirectURI: "https://bi.example.com/cb")],
            settings: pruning(), liveGroups: [defaultGroup], liveConsumers: [liveConsumer("K1", "bi", group: 1)]
        ).plan()
        #expect(result.errors.isEmpty)
        #expect(result.outline == [#"1 replace consumer["bi"]"#])
    }
}
