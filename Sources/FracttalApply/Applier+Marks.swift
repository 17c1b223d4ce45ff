import Foundation
import FracttalModel
import FracttalPlan

/// The pending marks of a window of a step's actions: made durable together before the first of their calls,
/// so that a store that rewrites a whole file per write does it once per window rather than once per call.
struct StepMarks: Sendable {
    /// The intent id of each action that issues a secret, by the action's index in the plan.
    var intents: [Int: String] = [:]
    /// Why an action's mark could not be stored, by the action's index in the plan.
    var failures: [Int: ActionFailure] = [:]
}

extension Applier {
    /// Makes the pending mark of every create, replacement and rotation among `items` durable in the store,
    /// all before any of their calls is sent. Without a store there are no marks (the preconditions refuse
    /// such a plan; tests run without one).
    func markStep(_ items: [(Int, PlanAction)], ledger: ApplyLedger) async -> StepMarks {
        guard let secrets else { return StepMarks() }
        var marks = StepMarks()
        var pending: [(index: Int, intent: DeliveryIntent)] = []
        for (index, action) in items {
            guard let mark = await pendingMark(of: action, ledger: ledger) else { continue }
            pending.append((index, DeliveryIntent(name: action.address.name, mark: mark)))
        }
        let storeName = secrets.store.name
        await withTaskGroup(of: (Int, String, ActionFailure?).self) { group in
            for (index, intent) in pending {
                group.addTask {
                    do {
                        try await secrets.intend(intent)
                        return (index, intent.mark.intent, nil)
                    } catch {
                        return (index, intent.mark.intent, .markNotStored(name: intent.name, store: storeName, reason: ActionFailure.clause(error)))
                    }
                }
            }
            for await (index, intent, failure) in group {
                if let failure { marks.failures[index] = failure } else { marks.intents[index] = intent }
            }
        }
        return marks
    }

    /// Withdraws the marks of actions that never started: their calls were never sent.
    /// A mark left behind (the withdrawal failed) is harmless: the next plan finds no call took effect.
    func withdrawUnsent(_ marks: StepMarks, finished: [(index: Int, result: ActionResult)]) async {
        let started = Set(finished.filter { $0.result.outcome != .notStarted }.map(\.index))
        let unsent = marks.intents.filter { !started.contains($0.key) }.map(\.value)
        try? await secrets?.withdraw(unsent)
    }

    /// The mark of an action that issues a secret, from what the company holds before its call; nil for any other.
    private func pendingMark(of action: PlanAction, ledger: ApplyLedger) async -> PendingMark? {
        let id = UUID().uuidString.lowercased()
        let name = action.address.name
        switch (action.kind, action.action) {
        case (.consumer, .create):
            return PendingMark(intent: id, action: .create, priorKeys: ledger.consumerKeys(named: name))
        case (.consumer, .replace):
            return PendingMark(
                intent: id, action: .replace, priorKeys: ledger.consumerKeys(named: name), oldKey: action.liveKey)
        case (.consumer, .rotateSecret):
            guard let key = action.liveKey else { return nil }
            return PendingMark(
                intent: id, action: .rotate, priorSecretCreatedAt: ledger.secretCreatedAt(ofConsumer: key), key: key)
        default:
            return nil
        }
    }
}
