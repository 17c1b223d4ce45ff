import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

/// The tool signs in as `ci-bootstrap` (key CI1) of group `CI` (id 5).
struct SelfGuardTests {
    func scenario(ciPermissions: [String] = adminPermissions) -> Scenario {
        Scenario(
            liveGroups: [liveGroup(1, "Default", isDefault: true), liveGroup(5, "CI", ciPermissions), liveGroup(6, "Readers", ["assets:view"])],
            liveConsumers: [liveConsumer("CI1", "ci-bootstrap", group: 5)],
            ownClientID: "CI1")
    }

    @Test func strippingTheToolsGroupIsAnError() {
        var scenario = scenario()
        scenario.groups = [declaredGroup("CI", ["security:view", "security:create", "security:edit", "security:delete", "api_connections:view"], line: 10)]
        #expect(scenario.plan().errorFindings == [
            "error FRC211 at fracttal.yaml:10:3",
        ])
        #expect(scenario.plan().mentions("api_connections:create, api_connections:delete and api_connections:edit"))
        scenario.groups = [declaredGroup("CI", adminPermissions.filter { $0 != "api_connections:edit" }, line: 10)]
        #expect(scenario.plan().errorFindings == [
            "error FRC211 at fracttal.yaml:10:3",
        ])
        #expect(scenario.plan().mentions("remove api_connections:edit from"))
    }

    @Test func theToolsGroupMayLoseNothingItNeedsButMayChangeOtherwise() {
        var scenario = scenario(ciPermissions: ["security:view", "security:edit", "api_connections:view", "assets:view"])
        scenario.groups = [declaredGroup("CI", ["security:view", "security:edit", "api_connections:view", "work_orders:view"], line: 10)]
        let result = scenario.plan()
        #expect(result.errors.isEmpty)
        #expect(result.outline == [#"1 update group["CI"]"#])
    }

    @Test func replacingTheToolsConsumerIsAnError() {
        var scenario = scenario()
        scenario.consumers = [declaredConsumer(
            "ci-bootstrap", group: "CI", line: 20, grantType: .authorizationCode, redirectURI: "https://ci.example.com/cb")]
        let result = scenario.plan()
        #expect(result.errorFindings == [
            "error FRC212 at fracttal.yaml:22:20",
        ])
        #expect(result.plan.actions.isEmpty)
    }

    @Test func movingTheToolsConsumerToAWeakerGroupIsAnError() {
        var scenario = scenario()
        scenario.consumers = [declaredConsumer("ci-bootstrap", group: "Readers", line: 20)]
        #expect(scenario.plan().errorFindings.first == "error FRC213 at fracttal.yaml:23:20")
        #expect(scenario.plan().mentions("api_connections:create, api_connections:delete, api_connections:edit, api_connections:view, security:create, security:delete, security:edit and security:view"))
    }

    @Test func movingTheToolsConsumerToAGroupWithWhatItNeedsIsFine() {
        var scenario = scenario()
        scenario.groups = [declaredGroup("Ops", adminPermissions + ["assets:view"], line: 10)]
        scenario.consumers = [declaredConsumer("ci-bootstrap", group: "Ops", line: 20)]
        let result = scenario.plan()
        #expect(result.errors.isEmpty)
        #expect(result.outline == [#"1 create group["Ops"]"#, #"2 update consumer["ci-bootstrap"]"#])
        #expect(result.plan.actions[1].groupRef == .planned(name: "Ops"))
    }

    @Test func rotatingTheToolsOwnSecretWarns() {
        var scenario = scenario()
        scenario.consumers = [declaredConsumer("ci-bootstrap", group: "CI", line: 20, maxSecretAge: "1d")]
        #expect(scenario.plan().findings == [
            "warning FRC214 at fracttal.yaml:20:5",
        ])
    }
}

struct OwnPermissionTests {
    func scenario(ciPermissions: [String]) -> Scenario {
        Scenario(
            liveGroups: [liveGroup(1, "Default", isDefault: true), liveGroup(5, "CI", ciPermissions)],
            liveConsumers: [liveConsumer("CI1", "ci-bootstrap", group: 5)],
            ownClientID: "CI1")
    }

    @Test func eachActionNeedsItsPermissionInTheToolsGroup() {
        var scenario = scenario(ciPermissions: ["security:view", "api_connections:view"])
        scenario.groups = [declaredGroup("New", [], line: 10), declaredGroup("Default", ["assets:view"], line: 20)]
        scenario.consumers = [
            declaredConsumer("a", group: "Default", line: 30),
            declaredConsumer("b", group: "Default", line: 50),
            declaredConsumer("c", group: "Default", line: 70),
            declaredConsumer("d", group: "Default", line: 90),
            declaredConsumer("e", group: "Default", line: 110),
        ]
        let result = scenario.plan()
        #expect(result.errorFindings == [
            "error FRC216 at fracttal.yaml:10:3",
            "error FRC216 at fracttal.yaml:20:3",
            "error FRC216 at fracttal.yaml:30:5",
        ])
        #expect(result.mentions("security:create", "security:edit", "api_connections:create", "and 2 more"))
    }

    @Test func deletesReplacementsAndRotationsNeedTheirPermissions() {
        var scenario = scenario(ciPermissions: ["security:view", "api_connections:view"])
        scenario.settings = pruning()
        scenario.allowMassDelete = true
        scenario.liveGroups.append(liveGroup(9, "Old"))
        scenario.liveConsumers += [
            liveConsumer("K1", "old", group: 1),
            liveConsumer("K2", "bi", group: 1),
            liveConsumer("K3", "erp", group: 1, secretAgeDays: 100),
        ]
        scenario.consumers = [
            declaredConsumer("bi", group: "Default", line: 30, grantType: .authorizationCode, redirectURI: "https://bi.example.com/cb"),
            declaredConsumer("erp", group: "Default", line: 50, maxSecretAge: "90d"),
        ]
        #expect(scenario.plan().errorFindings == [
            "error FRC216 at fracttal.yaml:30:5",
            "error FRC216 at fracttal.yaml:30:5",
            "error FRC216 at fracttal.yaml:50:5",
            "error FRC216 at fracttal.yaml:2:10",
            "error FRC216 at fracttal.yaml:2:10",
        ])
        #expect(scenario.plan().mentions(
            #"replace consumer["bi"]"#, #"delete group["Old"]"#, "api_connections:delete", "api_connections:create", "security:delete"))
    }

    @Test func consumerActionsMayUseWhatStepOneGrants() {
        var scenario = scenario(ciPermissions: ["security:view", "security:edit", "api_connections:view"])
        scenario.groups = [declaredGroup("CI", ["security:view", "security:edit", "api_connections:view", "api_connections:create"], line: 10)]
        scenario.consumers = [declaredConsumer("a", group: "CI", line: 30)]
        let result = scenario.plan()
        #expect(result.errors.isEmpty)
        #expect(result.outline == [#"1 update group["CI"]"#, #"2 create consumer["a"]"#])
    }

    @Test func groupActionsCannotUseWhatStepOneGrants() {
        var scenario = scenario(ciPermissions: ["security:view", "security:edit", "api_connections:view"])
        scenario.groups = [
            declaredGroup("CI", ["security:view", "security:edit", "security:create", "api_connections:view"], line: 10),
            declaredGroup("New", [], line: 20),
        ]
        #expect(scenario.plan().errorFindings == [
            "error FRC216 at fracttal.yaml:20:3",
        ])
        #expect(scenario.plan().mentions("until step 1"))
    }

    @Test func withoutAKnownLiveConsumerTheCheckIsSkipped() {
        var scenario = scenario(ciPermissions: [])
        scenario.groups = [declaredGroup("New", [], line: 10)]
        scenario.ownClientID = nil
        #expect(scenario.plan().messages.isEmpty)
        scenario.ownClientID = "NOT-LIVE"
        #expect(scenario.plan().messages.isEmpty)
    }
}

struct OwnConsumerMoveTests {
    @Test func actionsBesideTheMoveNeedThePermissionInBothGroups() {
        let scenario = Scenario(
            groups: [
                declaredGroup("CI", adminPermissions.filter { $0 != "api_connections:create" } + ["api_connections:create"], line: 10),
                declaredGroup("Ops", adminPermissions.filter { $0 != "api_connections:create" }, line: 30),
            ],
            consumers: [
                declaredConsumer("ci-bootstrap", group: "Ops", line: 50),
                declaredConsumer("new", group: "Ops", line: 70),
            ],
            liveGroups: [liveGroup(5, "CI", adminPermissions.filter { $0 != "api_connections:create" })],
            liveConsumers: [liveConsumer("CI1", "ci-bootstrap", group: 5)],
            ownClientID: "CI1")
        #expect(scenario.plan().errorFindings == [
            "error FRC216 at fracttal.yaml:70:5",
        ])
        #expect(scenario.plan().mentions("api_connections:create"))
    }
}
