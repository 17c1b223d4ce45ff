import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

struct GroupPlanningTests {
    @Test func createsAGroupThatIsNotLive() {
        let result = Scenario(groups: [declaredGroup("Field techs", ["work_orders:view", "assets:view"], line: 10)]).plan()
        #expect(result.messages.isEmpty)
        #expect(result.outline == [#"1 create group["Field techs"]"#])
        let action = result.plan.actions[0]
        #expect(action.before == nil)
        #expect(action.after == .group(GroupFields(name: "Field techs", description: nil, permissions: codes(["assets:view", "work_orders:view"]))))
        #expect(action.after?.group?.permissions.map(\.description) == ["assets:view", "work_orders:view"])
        #expect(action.liveID == nil && action.liveFingerprint == nil)
        #expect(result.plan.summary == PlanSummary(create: 1))
    }

    @Test func updatesDescriptionAndPermissionsOfAMatchedGroup() {
        let live = liveGroup(12, "Techs", ["assets:view", "assets:edit"], description: "old")
        let result = Scenario(
            groups: [declaredGroup("Techs", ["assets:view", "work_orders:view"], description: "new", line: 10)],
            liveGroups: [live]
        ).plan()
        #expect(result.messages.isEmpty)
        #expect(result.outline == [#"1 update group["Techs"]"#])
        let action = result.plan.actions[0]
        #expect(action.changedFields == ["description", "permissions"])
        #expect(action.before == .group(GroupFields(name: "Techs", description: "old", permissions: codes(["assets:edit", "assets:view"]))))
        #expect(action.liveID == 12)
        #expect(action.liveFingerprint == Fingerprint.of(live))
        #expect(action.reason == "differs in description, permissions")
    }

    @Test func comparesPermissionsAsSetsAndCountsUnchangedGroups() {
        let result = Scenario(
            groups: [declaredGroup("Techs", ["work_orders:view", "assets:view", "assets:view"], line: 10)],
            liveGroups: [liveGroup(12, "Techs", ["assets:view", "work_orders:view"])]
        ).plan()
        #expect(result.messages.isEmpty)
        #expect(result.plan.actions.isEmpty)
        #expect(result.plan.summary == PlanSummary(unchanged: 1))
    }

    @Test func omittedDescriptionClearsTheLiveOne() {
        let result = Scenario(
            groups: [declaredGroup("Techs", ["assets:view"], line: 10)],
            liveGroups: [liveGroup(12, "Techs", ["assets:view"], description: "Técnicos")]
        ).plan()
        #expect(result.plan.actions.map(\.changedFields) == [["description"]])
        #expect(result.plan.actions.first?.after?.group?.description == nil)
    }

    @Test func twoLiveGroupsOfTheDeclaredNameAreAnError() {
        let result = Scenario(
            groups: [declaredGroup("Techs", ["assets:view"], line: 10)],
            liveGroups: [liveGroup(4, "Techs"), liveGroup(9, "Techs")]
        ).plan()
        #expect(result.findings == [
            "error FRC203 at fracttal.yaml:10:9",
        ])
        #expect(result.mentions("ids 4 and 9"))
        #expect(result.plan.actions.isEmpty)
    }

    @Test func namesCompareExactly() {
        let result = Scenario(
            groups: [declaredGroup("techs", ["assets:view"], line: 10)],
            liveGroups: [liveGroup(4, "Techs", ["assets:view"])]
        ).plan()
        #expect(result.outline == [#"1 create group["techs"]"#])
    }
}

struct PermissionExpansionTests {
    @Test func moduleWildcardExpandsToEveryCatalogCodeOfTheModule() {
        let result = Scenario(groups: [declaredGroup("Meters", ["meters:*", "reports:*"], line: 10)]).plan()
        #expect(result.messages.isEmpty)
        #expect(result.plan.actions.first?.after?.group?.permissions.map(\.description) == [
            "meters:create", "meters:delete", "meters:edit", "meters:view", "reports:view",
        ])
    }

    @Test func unknownCodeIsAnErrorAtItsLocationWithTheNearestCode() {
        let result = Scenario(groups: [declaredGroup("Techs", ["assets:view", "work_order:view", "assets:veiw", "assets:modify"], line: 10)]).plan()
        #expect(result.findings == [
            "error FRC201 at fracttal.yaml:13:9",
            "error FRC201 at fracttal.yaml:14:9",
            "error FRC201 at fracttal.yaml:15:9",
        ])
        #expect(result.mentions("`work_orders:view`", "`assets:view`", "`assets:edit`"))
    }

    @Test func unknownCodeFarFromEveryCodeGetsNoGuess() {
        let result = Scenario(groups: [declaredGroup("Techs", ["zeppelin_fleet:launch"], line: 10)]).plan()
        #expect(result.findings == [
            "error FRC201 at fracttal.yaml:12:9",
        ])
    }

    @Test func wildcardOfAModuleWithoutCodesIsAnErrorWithTheNearestModule() {
        let result = Scenario(groups: [declaredGroup("Techs", ["meter:*", "zeppelins:*"], line: 10)]).plan()
        #expect(result.findings == [
            "error FRC202 at fracttal.yaml:12:9",
            "error FRC202 at fracttal.yaml:13:9",
        ])
        #expect(result.mentions("`meters:*`"))
    }
}

/// `previous_names` on a group: a rename in place, by PUT, keeping the group's id.
struct GroupRenameTests {
    /// A declared group at line 10 with previous names at line 15.
    static func renamed(_ name: String, from previous: [String], _ permissions: [String] = ["assets:view"]) -> DesiredGroup {
        var group = declaredGroup(name, permissions, line: 10)
        group.previousNames = previous.enumerated().map { Located($1, at: at(15, 22 + 10 * $0)) }
        return group
    }

    @Test func aGroupFoundByAPreviousNameIsRenamedInPlace() throws {
        let result = Scenario(
            groups: [Self.renamed("Integraciones", from: ["Old", "Techs"])],
            consumers: [declaredConsumer("erp-sync", group: "Integraciones", line: 30)],
            settings: pruning(),
            liveGroups: [liveGroup(1, "Default", isDefault: true), liveGroup(12, "Techs", ["assets:view"])],
            liveConsumers: [liveConsumer("KEYERP000000000001", "erp-sync", group: 12)]
        ).plan()
        #expect(result.findings == ["note FRC221 at fracttal.yaml:2:10"])
        #expect(result.outline == [#"1 update group["Integraciones"]"#])
        let action = try #require(result.plan.actions.first)
        #expect(action.liveID == 12)
        #expect(action.changedFields == ["name"])
        #expect(action.reason.contains(#"found by its previous name "Techs""#))
        #expect(action.groupFields?.name == "Integraciones")
        #expect(result.plan.renderedText().contains(#"~ name: "Techs" -> "Integraciones""#))
    }

    @Test func aLiveGroupDeclaredByNameIsNotTakenByAnotherPreviousName() {
        let result = Scenario(
            groups: [declaredGroup("Techs", ["assets:view"], line: 5), Self.renamed("Integraciones", from: ["Techs"])],
            liveGroups: [liveGroup(1, "Default", isDefault: true), liveGroup(12, "Techs", ["assets:view"])]
        ).plan()
        #expect(result.findings == [])
        #expect(result.outline == [#"1 create group["Integraciones"]"#])
    }

    @Test func twoLiveGroupsBehindPreviousNamesAreAnError() {
        let result = Scenario(
            groups: [Self.renamed("Integraciones", from: ["Old", "Techs"])],
            liveGroups: [liveGroup(1, "Default", isDefault: true), liveGroup(12, "Techs"), liveGroup(13, "Old")]
        ).plan()
        #expect(result.errorFindings == ["error FRC203 at fracttal.yaml:15:22"])
        #expect(result.mentions("12", "13"))
        #expect(result.outline == [])
    }

    @Test func aTargetByTheOldNameSuggestsTheDeclaredOne() {
        var scenario = Scenario(
            groups: [Self.renamed("Integraciones", from: ["Techs"])],
            liveGroups: [liveGroup(1, "Default", isDefault: true), liveGroup(12, "Techs", ["assets:view"])])
        scenario.targets = [ResourceAddress(.group, "Techs")]
        let result = scenario.plan()
        #expect(result.errorFindings == ["error FRC227 at no place"])
        #expect(result.mentions(#"--target 'group["Integraciones"]'"#))
    }
}
