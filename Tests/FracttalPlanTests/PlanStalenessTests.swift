import Foundation
import FracttalModel
import FracttalPlan
import Testing

struct PlanStalenessTests {
    let scenario = OrderingTests.everything
    var plan: Plan { scenario.plan().plan }

    @Test func anUnchangedCompanyKeepsThePlanValid() {
        var reordered = scenario.live
        reordered.consumers.reverse()
        #expect(PlanStaleness.staleness(of: plan, against: scenario.live).isEmpty)
        #expect(plan.staleness(against: reordered).isEmpty)
    }

    @Test func anActedOnObjectThatChangedOrVanishedIsNamed() {
        var live = scenario.live
        live.consumers[0].hubEnabled = true          // bi-portal, replaced by the plan
        live.consumers.remove(at: 2)                 // old-export, deleted by the plan
        live.groups[1].permissions = []              // Techs, updated by the plan
        #expect(plan.staleness(against: live) == [
            #"group["Techs"] (id 12) changed since the plan was made"#,
            #"consumer["bi-portal"] (key KEYBI000000000000A) changed since the plan was made"#,
            #"consumer["old-export"] (key KEYOLD00000000000C) no longer exists"#,
        ])
    }

    @Test func aLiveObjectThatACreateWouldDuplicateIsNamed() {
        var live = scenario.live
        live.groups.append(liveGroup(40, "Alpha"))
        live.consumers.append(liveConsumer("NEWKEY", "erp-sync", group: 1))
        #expect(plan.staleness(against: live) == [
            #"a live group named "Alpha" appeared, so creating group["Alpha"] would make a second one"#,
            #"a live consumer named "erp-sync" appeared, so creating consumer["erp-sync"] would make a second one"#,
        ])
    }

    @Test func aVanishedTargetGroupIsNamed() {
        let small = Scenario(
            consumers: [declaredConsumer("erp-sync", group: "Techs", line: 20)],
            liveGroups: [liveGroup(1, "Default", isDefault: true), liveGroup(12, "Techs")])
        var live = small.live
        live.groups.removeAll { $0.id == 12 }
        #expect(small.plan().plan.staleness(against: live) == [
            #"the group with id 12, which consumer["erp-sync"] goes to, no longer exists"#,
        ])
        var withoutTechs = scenario.live
        withoutTechs.groups.removeAll { $0.id == 12 }
        #expect(plan.staleness(against: withoutTechs) == [#"group["Techs"] (id 12) no longer exists"#])
    }

    @Test func aSecretRotatedElsewhereMakesItsRotationStale() {
        var live = scenario.live
        live.consumers[3].secretCreatedAt += 60          // audit, rotated by the plan
        #expect(plan.staleness(against: live) == [
            #"consumer["audit"] (key KEYAUD00000000000D) got a new secret since the plan was made"#,
        ])
        var elsewhere = scenario.live
        elsewhere.consumers[2].secretCreatedAt += 60     // old-export: deleted, not rotated
        #expect(plan.staleness(against: elsewhere).isEmpty)
    }

    /// Seen failing first: with the whole state unchanged, an action's own fingerprint was not compared, so a
    /// made-up `live_fingerprint` (or key) edited into a saved plan passed.
    @Test func anActionWhoseFingerprintOrKeyWasEditedMakesThePlanStaleThoughTheStateIsUnchanged() throws {
        var edited = plan
        let position = try #require(edited.actions.firstIndex { $0.action == .delete && $0.kind == .consumer })
        edited.actions[position].liveFingerprint = "0000000000000000"
        #expect(edited.staleness(against: scenario.live) == [
            "\(edited.actions[position].address) (key \(edited.actions[position].liveKey ?? "")) is not as the plan saw it: the plan was edited",
        ])
        edited = plan
        edited.actions[position].liveKey = "KEYMADEUP000000000"
        #expect(edited.staleness(against: scenario.live) == [
            "\(edited.actions[position].address) names key KEYMADEUP000000000, which no live consumer has: the plan was edited",
        ])
    }

    @Test func anyOtherChangeStillMakesThePlanStale() {
        var live = scenario.live
        live.groups[0].accountsCount = 9             // Default: kept, no action on it
        #expect(plan.staleness(against: live) == ["the live state changed since the plan was made"])
    }
}
