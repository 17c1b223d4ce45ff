import Foundation
import FracttalModel
import FracttalPlan
import FracttalTestSupport
import Testing

/// What `apply --plan` checks again in a saved plan, whatever the file says.
struct SavedPlanCheckTests {
    /// A consumer whose description changed and whose secret is due: the planner updates and rotates it.
    static let updateAndRotation = Scenario(
        consumers: [declaredConsumer("erp-sync", group: "Techs", line: 20, description: "SAP PM", maxSecretAge: "30d")],
        liveGroups: [liveGroup(1, "Default", isDefault: true), liveGroup(12, "Techs")],
        liveConsumers: [liveConsumer("KEYERP000000000001", "erp-sync", group: 12, secretAgeDays: 90)])

    /// Seen failing first: the one-action-per-address rule refused the update and rotation the planner
    /// makes on purpose, so every saved plan holding both was refused on apply.
    @Test func anUpdateAndARotationOfOneConsumerPass() {
        let plan = Self.updateAndRotation.plan().plan
        #expect(plan.actions.map(\.action) == [.update, .rotateSecret])
        #expect(SavedPlanCheck.problems(of: plan, live: Self.updateAndRotation.live, allowMassDelete: false).isEmpty)
    }

    @Test func anyOtherSecondActionOnAnAddressIsRefused() {
        var plan = Self.updateAndRotation.plan().plan
        plan.actions.append(plan.actions[0])
        #expect(SavedPlanCheck.problems(of: plan, live: Self.updateAndRotation.live, allowMassDelete: false)
            == [#"consumer["erp-sync"] has more than one action in the plan"#])
    }

    /// Seen failing first: `withdrawn_intents` was outside the digest, so an edit could withdraw a live
    /// pending mark and the next plan would never repair that delivery.
    @Test func editingTheWithdrawnMarksIsRefusedAsEdited() throws {
        let text = String(decoding: Self.updateAndRotation.plan().plan.encodedJSON(), as: UTF8.self)
        let edited = text.replacingOccurrences(of: #""withdrawn_intents" : [\#n\#n  ]"#, with: #""withdrawn_intents" : ["x"]"#)
        #expect(edited != text)
        #expect(throws: PlanFileError.edited) { try Plan.decode(from: Data(edited.utf8)) }
    }

    @Test func withdrawingMarksWithoutAStoreIsRefused() {
        var plan = Self.updateAndRotation.plan().plan
        plan.withdrawnIntents = ["intent-1"]
        #expect(SavedPlanCheck.problems(of: plan, live: Self.updateAndRotation.live, allowMassDelete: false)
            == ["the plan withdraws pending marks but was made without a secret store"])
    }
}
