import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

/// `--target`: a partial plan covers the targeted objects and what they need, prunes only among the
/// targets, and says it is partial.
struct TargetedPlanTests {
    var everything: Scenario { OrderingTests.everything }

    func targeted(_ scenario: Scenario, _ targets: ResourceAddress...) -> PlanningResult {
        var scenario = scenario
        scenario.targets = targets
        return scenario.plan()
    }

    @Test func aTargetedConsumerBringsTheDeclaredGroupItGoesTo() {
        let result = targeted(everything, ResourceAddress(.consumer, "erp-sync"))
        #expect(result.findings == [])
        #expect(result.outline == [#"1 update group["Techs"]"#, #"2 create consumer["erp-sync"]"#])
        #expect(result.plan.targets == [ResourceAddress(.consumer, "erp-sync")])
        #expect(result.plan.isPartial)
        #expect(result.plan.summary.unchanged == 0)
    }

    @Test func aGroupThePlanMustCreateComesFirst() {
        let result = targeted(everything, ResourceAddress(.consumer, "bi-portal"))
        #expect(result.outline == [#"1 create group["Alpha"]"#, #"2 replace consumer["bi-portal"]"#])
        #expect(result.plan.actions[1].groupRef == .planned(name: "Alpha"))
    }

    @Test func aTargetedGroupDoesNotBringItsConsumers() {
        let result = targeted(everything, ResourceAddress(.group, "Techs"))
        #expect(result.outline == [#"1 update group["Techs"]"#])
    }

    @Test func pruneDeletesOnlyAmongTheTargets() {
        let both = targeted(everything, ResourceAddress(.group, "Legacy"), ResourceAddress(.consumer, "old-export"))
        #expect(both.findings == [])
        #expect(both.outline == [#"1 delete consumer["old-export"]"#, #"2 delete group["Legacy"]"#])

        // The group alone: the live consumer that uses it stays, so the server would refuse the delete.
        let groupAlone = targeted(everything, ResourceAddress(.group, "Legacy"))
        #expect(groupAlone.errorFindings == ["error FRC218 at fracttal.yaml:2:10"])
        #expect(groupAlone.mentions("old-export"))

        var withoutPrune = everything
        withoutPrune.settings = Settings()
        let untouched = targeted(withoutPrune, ResourceAddress(.consumer, "old-export"))
        #expect(untouched.isUsable)
        #expect(untouched.outline == [])
        #expect(untouched.plan.undeclared == UndeclaredObjects())
    }

    @Test func anAddressThatNamesNothingIsAnErrorWithTheNearestAddress() {
        let misspelt = targeted(everything, ResourceAddress(.consumer, "erp-synk"))
        #expect(misspelt.errorFindings == ["error FRC227 at no place"])
        #expect(misspelt.mentions(#"did you mean --target 'consumer["erp-sync"]'?"#))

        let otherKind = targeted(everything, ResourceAddress(.group, "erp-sync"))
        #expect(otherKind.errorFindings == ["error FRC227 at no place"])
        #expect(otherKind.mentions(#"consumer["erp-sync"]"#))

        let nothingNear = targeted(everything, ResourceAddress(.group, "Completely different"))
        #expect(nothingNear.errorFindings == ["error FRC227 at no place"])
        #expect(!nothingNear.mentions("did you mean"))

        // A live name that a declaration renames: the address is the declared one.
        let renamed = targeted(everything, ResourceAddress(.consumer, "consumidor alex"))
        #expect(renamed.errorFindings == ["error FRC227 at no place"])
        #expect(renamed.mentions(#"--target 'consumer["crm"]'"#))
    }

    @Test func problemsOfObjectsOutsideThePlanDoNotStopIt() {
        var scenario = everything
        scenario.groups.append(declaredGroup("Broken", ["assets:fly"], line: 140))
        scenario.consumers.append(declaredConsumer("lost", group: "Nowhere", line: 150))
        #expect(!scenario.plan().isUsable)

        let result = targeted(scenario, ResourceAddress(.consumer, "erp-sync"))
        #expect(result.findings == [])
        #expect(result.outline == [#"1 update group["Techs"]"#, #"2 create consumer["erp-sync"]"#])
    }

    @Test func theOwnGroupKeepsItsLivePermissionsWhenItIsNotTargeted() {
        let scenario = Scenario(
            groups: [declaredGroup("Admin", ["security:view"], line: 10), declaredGroup("Techs", ["assets:view"], line: 20)],
            consumers: [declaredConsumer("erp-sync", group: "Techs", line: 30)],
            liveGroups: [liveGroup(1, "Default", isDefault: true), liveGroup(5, "Admin", adminPermissions)],
            liveConsumers: [liveConsumer("KEYCI0000000000001", "ci", group: 5)],
            ownClientID: "KEYCI0000000000001")
        #expect(scenario.plan().errorFindings.contains("error FRC211 at fracttal.yaml:10:3"))

        let result = targeted(scenario, ResourceAddress(.consumer, "erp-sync"))
        #expect(result.findings == [])
        #expect(result.outline == [#"1 create group["Techs"]"#, #"2 create consumer["erp-sync"]"#])
    }

    @Test func aWholePlanHasNoTargets() {
        let plan = everything.plan().plan
        #expect(plan.targets == nil)
        #expect(!plan.isPartial)
        #expect(!plan.renderedText().contains("Partial plan"))
    }

    @Test func everyFormatSaysThePlanIsPartial() throws {
        let plan = targeted(everything, ResourceAddress(.consumer, "erp-sync"), ResourceAddress(.group, "Zeta")).plan
        let sentence = #"Partial plan (--target): only group["Zeta"], consumer["erp-sync"] and what they need"#
        #expect(plan.renderedText().split(separator: "\n").dropFirst().first?.hasPrefix(sentence) == true)
        #expect(plan.renderedMarkdown().contains("> [!IMPORTANT]\n> Partial plan (--target): only group&#91;\"Zeta\"&#93;, consumer&#91;\"erp-sync\"&#93;"))
        #expect(plan.rendered(as: .github).contains("\n::notice title=Partial plan::\(sentence)"))

        let json = try #require(try JSONSerialization.jsonObject(with: plan.encodedJSON()) as? [String: Any])
        #expect(json["targets"] as? [String] == [#"group["Zeta"]"#, #"consumer["erp-sync"]"#])
        #expect(try Plan.decode(from: plan.encodedJSON()) == plan)
        let whole = try #require(try JSONSerialization.jsonObject(with: everything.plan().plan.encodedJSON()) as? [String: Any])
        #expect(whole["targets"] is NSNull)
    }

    @Test func aPartialPlanWithoutChangesSaysTheTargetsMatch() {
        var scenario = Scenario(
            groups: [declaredGroup("Techs", ["assets:view"], line: 10)],
            liveGroups: [liveGroup(1, "Default", isDefault: true), liveGroup(12, "Techs", ["assets:view"])])
        scenario.targets = [ResourceAddress(.group, "Techs")]
        let text = scenario.plan().plan.renderedText()
        #expect(text.hasSuffix("No changes. The targeted objects match the configuration.\n"))
    }

    @Test func editingTheTargetedPlansRecordIsRefusedAsEdited() throws {
        let plan = targeted(everything, ResourceAddress(.consumer, "erp-sync")).plan
        let text = String(decoding: plan.encodedJSON(), as: UTF8.self)
        let widened = text.replacingOccurrences(of: #""consumer[\"erp-sync\"]"\#n  ]"#, with: #""consumer[\"erp-sync\"]", "group[\"Zeta\"]"\#n  ]"#)
        #expect(widened != text)
        #expect(throws: PlanFileError.edited) { try Plan.decode(from: Data(widened.utf8)) }
    }
}
