import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

/// The secret store's record: what the plan decides from the marks and entries and the live state alone.
struct DeliveryPlanningTests {
    static let erpKey = "KERP00000000000000"
    static let biKey = "KBI000000000000000"

    func scenario(_ entries: [StoredSecretEntry], lockedByOther: Bool = false) -> Scenario {
        Scenario(
            consumers: [declaredConsumer("erp", group: "Default", line: 10), declaredConsumer("bi", group: "Default", line: 30)],
            liveGroups: [liveGroup(1, "Default", isDefault: true)],
            liveConsumers: [liveConsumer(Self.erpKey, "erp", group: 1), liveConsumer(Self.biKey, "bi", group: 1)],
            delivery: DeliveryRecord(storeName: "secrets.json", entries: entries, lockedByOther: lockedByOther))
    }

    func createMark(_ id: String = "i1", prior: [String] = []) -> PendingMark {
        PendingMark(intent: id, action: .create, priorKeys: prior)
    }

    @Test func aCreateThatTookEffectWithoutItsSecretIsRotated() throws {
        let result = scenario([StoredSecretEntry(name: "erp", key: nil, secretCreatedAt: nil, pending: createMark())]).plan()
        #expect(result.errors.isEmpty)
        #expect(result.outline == [#"1 rotate_secret consumer["erp"]"#])
        let action = try #require(result.plan.actions.first)
        #expect(action.liveKey == Self.erpKey)
        #expect(action.reason.contains("interrupted delivery"))
        #expect(result.plan.deliveryChecked)
        #expect(result.plan.storeDigest != nil)
    }

    @Test func aCreateWhoseConsumerWasLiveBeforeTheCallIsWithdrawn() {
        var scenario = scenario([StoredSecretEntry(name: "new", key: nil, secretCreatedAt: nil, pending: createMark("i9"))])
        scenario.consumers.append(declaredConsumer("new", group: "Default", line: 50))
        let result = scenario.plan()
        #expect(result.outline == [#"1 create consumer["new"]"#])
        #expect(result.plan.withdrawnIntents == ["i9"])
    }

    @Test func aMarkWhosePriorKeysHoldEveryLiveConsumerOfTheNameIsWithdrawn() {
        let result = scenario([StoredSecretEntry(name: "erp", key: nil, secretCreatedAt: nil, pending: createMark("i2", prior: [Self.erpKey]))]).plan()
        #expect(result.outline.isEmpty)
        #expect(result.plan.withdrawnIntents == ["i2"])
    }

    @Test func severalNewConsumersBehindOneMarkFailThePlanWithTheirKeys() {
        var scenario = scenario([StoredSecretEntry(name: "erp", key: nil, secretCreatedAt: nil, pending: createMark())])
        scenario.liveConsumers.append(liveConsumer("KERP11111111111111", "erp", group: 1))
        let result = scenario.plan()
        #expect(result.errorFindings.contains { $0.hasPrefix("error FRC222") })
        #expect(result.errors.joined().contains("KERP11111111111111"))
    }

    @Test func oneOfSeveralNewConsumersBoundByKeyIsRotatedAndTheOthersNamedInANote() throws {
        var scenario = scenario([StoredSecretEntry(name: "erp", key: nil, secretCreatedAt: nil, pending: createMark())])
        scenario.liveConsumers.append(liveConsumer("KERP11111111111111", "erp", group: 1))
        scenario.consumers[0] = declaredConsumer("erp", group: "Default", line: 10, key: "KERP11111111111111")
        let result = scenario.plan()
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.outline == [#"1 rotate_secret consumer["erp"]"#])
        #expect(try #require(result.plan.actions.first).liveKey == "KERP11111111111111")
        #expect(result.plan.notes.contains { $0.contains(Self.erpKey) && $0.contains("no store holds") }, "\(result.plan.notes)")
    }

    @Test func aRotationThatTookEffectIsRotatedAgainAndOneThatDidNotIsWithdrawn() {
        let issued = now.addingTimeInterval(-10 * day)
        let took = PendingMark(intent: "r1", action: .rotate, priorSecretCreatedAt: issued.addingTimeInterval(-60), key: Self.erpKey)
        let didNot = PendingMark(intent: "r2", action: .rotate, priorSecretCreatedAt: issued, key: Self.biKey)
        let result = scenario([
            StoredSecretEntry(name: "erp", key: Self.erpKey, secretCreatedAt: issued.addingTimeInterval(-60), pending: took),
            StoredSecretEntry(name: "bi", key: Self.biKey, secretCreatedAt: issued, pending: didNot),
        ]).plan()
        #expect(result.outline == [#"1 rotate_secret consumer["erp"]"#])
        #expect(result.plan.withdrawnIntents == ["r2"])
    }

    @Test func aSecretChangedOutsideTheToolIsRotatedNamingBothIssueTimes() throws {
        let stored = now.addingTimeInterval(-40 * day)
        let result = scenario([StoredSecretEntry(name: "bi", key: Self.biKey, secretCreatedAt: stored)]).plan()
        #expect(result.outline == [#"1 rotate_secret consumer["bi"]"#])
        let reason = try #require(result.plan.actions.first?.reason)
        #expect(reason.contains("the store holds the secret issued at"))
        #expect(reason.contains("changed outside this tool"))
    }

    @Test func anEntryWhoseIssueTimeMatchesNeedsNothing() {
        let result = scenario([StoredSecretEntry(name: "bi", key: Self.biKey, secretCreatedAt: now.addingTimeInterval(-10 * day))]).plan()
        #expect(result.outline.isEmpty)
        #expect(result.plan.notes.contains { $0.contains("1 declared consumer's secret is not in secrets.json") })
    }

    @Test func marksUnderAnotherAppliesLockAreInProgress() {
        let result = scenario([StoredSecretEntry(name: "erp", key: nil, secretCreatedAt: nil, pending: createMark())], lockedByOther: true).plan()
        #expect(result.outline.isEmpty)
        #expect(result.plan.notes.contains { $0.contains("in progress") })
        #expect(result.plan.withdrawnIntents.isEmpty)
    }

    @Test func anUndeclaredConsumerWithAnUndeliveredSecretFailsThePlan() {
        var scenario = scenario([StoredSecretEntry(name: "erp", key: nil, secretCreatedAt: nil, pending: createMark())])
        scenario.consumers.removeFirst()
        let result = scenario.plan()
        #expect(result.errorFindings.contains { $0.hasPrefix("error FRC223") })
        #expect(result.errors.joined().contains(Self.erpKey))
    }

    @Test func anEntryOfAConsumerGoneIsANote() {
        let result = scenario([StoredSecretEntry(name: "old", key: "KOLD00000000000000", secretCreatedAt: now)]).plan()
        #expect(result.outline.isEmpty)
        #expect(result.plan.notes.contains { $0.contains("KOLD00000000000000") && $0.contains("no longer live") })
    }

    @Test func aPlanWithoutAStoreSaysDeliveryWasNotChecked() {
        var scenario = scenario([])
        scenario.delivery = nil
        let plan = scenario.plan().plan
        #expect(!plan.deliveryChecked)
        #expect(plan.notes.contains { $0.contains("not checked") })
    }

    @Test func aDeletedConsumerNeedsNoRotation() {
        var scenario = scenario([StoredSecretEntry(name: "bi", key: nil, secretCreatedAt: nil, pending: createMark())])
        scenario.consumers.removeLast()
        scenario.settings = pruning()
        #expect(scenario.plan().outline == [#"1 delete consumer["bi"]"#])
    }
}
