import Foundation
import FracttalModel
import FracttalPlan

extension Applier {
    /// Makes the calls one action needs, recording what it achieved in `progress`.
    ///
    /// `intent` is the id of the action's pending mark, already durable in the store (nil without a store).
    /// `slot` is given back once the action's calls are done, before it waits for its secret to reach the disk.
    func execute(_ action: PlanAction, intent: String?, ledger: ApplyLedger, progress: ActionProgress, slot: CallSlot) async throws {
        // No change is sent unless the store's lock is still surely held.
        try secrets?.checkLock()
        let address = action.address
        switch (action.kind, action.action) {
        case (.group, .create):
            let fields = try groupFields(of: action)
            let creation = try await mutations.createGroup(fields, knownIDs: ledger.knownGroupIDs)
            ledger.recordGroup(named: address.name, id: creation.group.id)
            progress.update { achieved in
                achieved.groupID = creation.group.id
                if case .adopted = creation { achieved.adopted = true }
            }
        case (.group, .update):
            _ = try await mutations.replaceGroup(id: try liveID(of: action), with: try groupFields(of: action))
        case (.group, .delete):
            try await mutations.deleteGroup(id: try liveID(of: action))
        case (.consumer, .create):
            let fields = try await consumerFields(of: action, ledger: ledger, liveKey: nil)
            try await createConsumer(fields, name: address.name, intent: intent, ledger: ledger, progress: progress, slot: slot)
        case (.consumer, .update):
            let key = try liveKey(of: action)
            let fields = try await consumerFields(of: action, ledger: ledger, liveKey: key)
            _ = try await mutations.replaceConsumer(key: key, with: fields)
            if let before = action.before?.name, let after = action.after?.name, ExactName(before) != ExactName(after) {
                try await renameEntry(key: key, from: before, to: after)
            }
        case (.consumer, .replace):
            let key = try liveKey(of: action)
            // Create, store the new secret, then retire the old consumer: a failure on the way leaves the old one working.
            let fields = try await consumerFields(of: action, ledger: ledger, liveKey: key)
            try await createConsumer(fields, name: address.name, intent: intent, ledger: ledger, progress: progress, slot: slot)
            do {
                try await mutations.deleteConsumer(key: key)
            } catch {
                throw ActionFailure.replacedNotDeleted(oldKey: key, newKey: progress.snapshot.key ?? "", reason: ActionFailure.clause(error))
            }
        case (.consumer, .rotateSecret):
            let key = try liveKey(of: action)
            let rotation = try await mutations.rotateSecret(key: key)
            progress.update { $0.key = key }
            try await deliver(rotation.credentials, of: rotation.consumer, name: address.name, intent: intent, progress: progress, slot: slot)
        case (.consumer, .delete):
            let key = try liveKey(of: action)
            try await mutations.deleteConsumer(key: key)
            try await forgetEntry(name: action.before?.name ?? address.name, key: key)
        case (.group, .replace), (.group, .rotateSecret):
            throw ActionFailure.unsupported(address, action.action)
        }
    }

    /// Creates a consumer and delivers its secret; an adopted one (answer lost) gets its secret rotated at once.
    private func createConsumer(
        _ fields: ConsumerFields<Int>, name: String, intent: String?, ledger: ApplyLedger, progress: ActionProgress, slot: CallSlot
    ) async throws {
        let creation = try await mutations.createConsumer(fields, knownKeys: ledger.knownConsumerKeys())
        let key = creation.consumer.key
        ledger.recordConsumer(key: key, name: name)
        progress.update { $0.key = key }
        switch creation {
        case .created(let consumer, let credentials):
            try await deliver(credentials, of: consumer, name: name, intent: intent, progress: progress, slot: slot)
        case .adopted:
            progress.update { $0.adopted = true }
            let rotation: (consumer: LiveConsumer, credentials: ConsumerCredentials)
            do {
                rotation = try await mutations.rotateSecret(key: key)
            } catch {
                throw ActionFailure.adoptedWithoutSecret(key: key, reason: ActionFailure.clause(error))
            }
            try await deliver(rotation.credentials, of: rotation.consumer, name: name, intent: intent, progress: progress, slot: slot)
        }
    }

    /// Stores a secret; the action's call slot is free while the store works. A failure stops the apply.
    private func deliver(
        _ credentials: ConsumerCredentials, of consumer: LiveConsumer, name: String, intent: String?,
        progress: ActionProgress, slot: CallSlot
    ) async throws {
        guard let secrets else { throw ActionFailure.noSecretsFile(name: name, key: credentials.key) }
        slot.release()
        let secret = DeliveredSecret(
            intent: intent, name: name, key: credentials.key, secret: credentials.secret, secretCreatedAt: consumer.secretCreatedAt)
        do {
            try await secrets.put(secret)
        } catch {
            throw ActionFailure.secretNotStored(name: name, key: credentials.key, store: secrets.store.name, reason: ActionFailure.clause(error))
        }
        progress.update { $0.secretWritten = true }
    }

    /// Renames the store's entry of a renamed consumer; a refusal fails the action, whose change is made.
    private func renameEntry(key: String, from: String, to: String) async throws {
        guard let secrets else { return }
        if let refusal = try await secrets.rename(EntryRename(key: key, from: from, to: to)) {
            throw ActionFailure.entryNotRenamed(from: from, to: to, key: key, store: secrets.store.name, reason: refusal)
        }
    }

    /// Forgets the store's entry of a deleted consumer; a refusal fails the action, whose change is made.
    private func forgetEntry(name: String, key: String) async throws {
        guard let secrets else { return }
        if let refusal = try await secrets.forget(EntryForget(name: name, key: key)) {
            throw ActionFailure.entryNotForgotten(name: name, key: key, store: secrets.store.name, reason: refusal)
        }
    }

    private func groupFields(of action: PlanAction) throws -> GroupFields {
        guard let fields = action.groupFields else { throw ActionFailure.incompletePlan(action.address, missing: "new state") }
        return fields
    }

    /// The consumer's fields, with its group resolved: the plan's reference, else (update) its live group.
    private func consumerFields(of action: PlanAction, ledger: ApplyLedger, liveKey: String?) async throws -> ConsumerFields<Int> {
        let groupID: Int
        switch action.groupRef {
        case .some(let reference):
            guard let id = ledger.groupID(for: reference) else {
                throw ActionFailure.plannedGroupMissing(action.address, group: action.after?.consumer?.permissionGroup ?? "")
            }
            groupID = id
        case .none:
            guard let liveKey, let id = ledger.liveGroupID(ofConsumer: liveKey) else {
                throw ActionFailure.incompletePlan(action.address, missing: "permission group")
            }
            groupID = id
        }
        guard let fields = action.consumerFields(groupID: groupID) else {
            throw ActionFailure.incompletePlan(action.address, missing: "new state")
        }
        return fields
    }

    private func liveID(of action: PlanAction) throws -> Int {
        guard let id = action.liveID else { throw ActionFailure.incompletePlan(action.address, missing: "live group id") }
        return id
    }

    private func liveKey(of action: PlanAction) throws -> String {
        guard let key = action.liveKey else { throw ActionFailure.incompletePlan(action.address, missing: "live consumer key") }
        return key
    }
}
