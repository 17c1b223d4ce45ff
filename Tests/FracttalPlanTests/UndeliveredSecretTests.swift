import Foundation
import FracttalModel
import FracttalPlan
import Testing

/// The apply journal's pending intents become rotations of the consumers they may have left without a saved secret.
struct UndeliveredSecretTests {
    static let started = now.addingTimeInterval(-3_600)

    func scenario(_ undelivered: [UndeliveredSecret]) -> Scenario {
        Scenario(
            consumers: [declaredConsumer("erp", group: "Default", line: 10), declaredConsumer("bi", group: "Default", line: 30)],
            liveGroups: [liveGroup(1, "Default", isDefault: true)],
            liveConsumers: [liveConsumer("KERP00000000000000", "erp", group: 1), liveConsumer("KBI000000000000000", "bi", group: 1)],
            undeliveredSecrets: undelivered)
    }

    @Test func aCreateWhoseSecretWasNeverSavedIsRotatedFoundByName() throws {
        let result = scenario([UndeliveredSecret(name: "erp", key: nil, action: "create", startedAt: Self.started)]).plan()
        #expect(result.errors.isEmpty)
        #expect(result.outline == [#"1 rotate_secret consumer["erp"]"#])
        let action = try #require(result.plan.actions.first)
        #expect(action.liveKey == "KERP00000000000000")
        #expect(action.reason.contains("interrupted apply"))
        #expect(action.reason.contains("never saved"))
    }

    @Test func aKnownKeyWinsOverTheName() {
        let result = scenario([UndeliveredSecret(name: "erp", key: "KBI000000000000000", action: "rotate_secret", startedAt: Self.started)]).plan()
        #expect(result.outline == [#"1 rotate_secret consumer["bi"]"#])
    }

    @Test func aCreateThatNeverHappenedIsPlannedAsACreate() {
        var scenario = scenario([UndeliveredSecret(name: "new", key: nil, action: "create", startedAt: Self.started)])
        scenario.consumers.append(declaredConsumer("new", group: "Default", line: 50))
        #expect(scenario.plan().outline == [#"1 create consumer["new"]"#])
    }

    @Test func oneRotationPerConsumerAndNoneForADeletedOne() {
        var scenario = scenario([
            UndeliveredSecret(name: "erp", key: nil, action: "create", startedAt: Self.started),
            UndeliveredSecret(name: "erp", key: "KERP00000000000000", action: "rotate_secret", startedAt: Self.started),
            UndeliveredSecret(name: "bi", key: nil, action: "create", startedAt: Self.started),
        ])
        scenario.consumers.removeLast()
        scenario.settings = pruning()
        #expect(scenario.plan().outline == [#"1 rotate_secret consumer["erp"]"#, #"2 delete consumer["bi"]"#])
    }

    @Test func twoLiveConsumersOfTheNameAndNoKeyRotateNothing() {
        var scenario = scenario([UndeliveredSecret(name: "erp", key: nil, action: "create", startedAt: Self.started)])
        scenario.consumers = []
        scenario.liveConsumers.append(liveConsumer("KERP11111111111111", "erp", group: 1))
        #expect(scenario.plan().outline.isEmpty)
    }

    @Test func theSavedPlanRecordsTheClientThatMadeIt() {
        var scenario = scenario([])
        scenario.ownClientID = "KERP00000000000000"
        #expect(scenario.plan().plan.clientID == "KERP00000000000000")
    }
}

/// A saved plan applied by another consumer than the one that made it is checked for that consumer.
struct ApplyingConsumerGuardTests {
    let live = LiveState(
        groups: [liveGroup(1, "Default", isDefault: true), liveGroup(5, "CI", adminPermissions), liveGroup(6, "Readers", ["assets:view"])],
        consumers: [liveConsumer("CI1", "ci-bootstrap", group: 5), liveConsumer("APP", "applier", group: 5), liveConsumer("RO", "reader", group: 6)],
        catalog: sandboxCatalog)

    func plan(_ configure: (inout Scenario) -> Void) -> Plan {
        var scenario = Scenario(liveGroups: live.groups, liveConsumers: live.consumers, ownClientID: "RO")
        configure(&scenario)
        return scenario.plan().plan
    }

    @Test func deletingTheApplyingConsumerIsRefused() {
        let plan = plan { scenario in
            scenario.settings = pruning(protectConsumers: ["ci-bootstrap"], protectGroups: ["CI", "Readers"], maxDeletePercent: 100)
            scenario.consumers = [declaredConsumer("reader", group: "Readers", line: 10)]
        }
        #expect(plan.actions.map(\.liveKey) == ["APP"])
        let problems = ApplyingConsumerGuard.problems(of: plan, live: live, applyingKey: "APP")
        #expect(problems.count == 1)
        #expect(problems.first?.contains("deletes the consumer \"applier\" (key APP)") == true)
        #expect(ApplyingConsumerGuard.problems(of: plan, live: live, applyingKey: "CI1").isEmpty)
    }

    @Test func movingOrStrippingTheApplyingConsumerIsRefused() {
        let moved = plan { scenario in
            scenario.consumers = [declaredConsumer("applier", group: "Readers", line: 10)]
        }
        #expect(ApplyingConsumerGuard.problems(of: moved, live: live, applyingKey: "APP").first?.contains("moves the consumer") == true)
        let stripped = plan { scenario in
            scenario.groups = [declaredGroup("CI", ["security:view", "api_connections:view"], line: 10)]
        }
        #expect(ApplyingConsumerGuard.problems(of: stripped, live: live, applyingKey: "APP").first?.contains("strips the group") == true)
    }

    @Test func aPlanThatSparesTheApplyingConsumerPasses() {
        let plan = plan { scenario in
            scenario.consumers = [declaredConsumer("applier", group: "CI", line: 10, description: "new")]
        }
        #expect(plan.actions.count == 1)
        #expect(ApplyingConsumerGuard.problems(of: plan, live: live, applyingKey: "APP").isEmpty)
    }
}
