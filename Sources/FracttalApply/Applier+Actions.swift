import FracttalModel
import FracttalPlan

extension Applier {
    /// Makes the calls one action needs, recording what it achieved in `progress`.
    ///
    /// `slot` is given back once the action's calls are done, before it waits for its secret to reach the disk.
    func execute(_ action: PlanAction, ledger: ApplyLedger, progress: ActionProgress, slot: CallSlot) async throws {
        let address = action.address
        switch (action.kind, action.action) {
        case (.group, .create):
            let fields = try groupFields(of: action)
            let creation = try await mutations.createGroup(fields, knownIDs: await ledger.knownGroupIDs)
            await ledger.recordGroup(named: address.name, id: creation.group.id)
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
            let intent = try await recordIntent(.create, name: address.name, key: nil)
            try await createConsumer(fields, name: address.name, replacing: nil, intent: intent, ledger: ledger, progress: progress, slot: slot)
        case (.consumer, .update):
            let key = try liveKey(of: action)
            let fields = try await consumerFields(of: action, ledger: ledger, liveKey: key)
            _ = try await mutations.replaceConsumer(key: key, with: fields)
        case (.consumer, .replace):
            let key = try liveKey(of: action)
            // Everything the create needs is settled before the delete, so a plan problem deletes nothing.
            let fields = try await consumerFields(of: action, ledger: ledger, liveKey: key)
            let intent = try await recordIntent(.replace, name: address.name, key: key)
            try await mutations.deleteConsumer(key: key)
            try await createConsumer(fields, name: address.name, replacing: key, intent: intent, ledger: ledger, progress: progress, slot: slot)
        case (.consumer, .rotateSecret):
            let key = try liveKey(of: action)
            let intent = try await recordIntent(.rotateSecret, name: address.name, key: key)
            let rotation = try await mutations.rotateSecret(key: key)
            try await deliver(rotation.credentials, name: address.name, intent: intent, progress: progress, slot: slot)
        case (.consumer, .delete):
            try await mutations.deleteConsumer(key: try liveKey(of: action))
        case (.group, .replace), (.group, .rotateSecret):
            throw ActionFailure.unsupported(address, action.action)
        }
    }

    /// Creates a consumer and delivers its secret; an adopted one (answer lost) gets its secret rotated at once.
    private func createConsumer(
        _ fields: ConsumerFields, name: String, replacing oldKey: String?, intent: String?, ledger: ApplyLedger,
        progress: ActionProgress, slot: CallSlot
    ) async throws {
        let creation: ConsumerCreation
        do {
            creation = try await mutations.createConsumer(fields, knownKeys: await ledger.knownConsumerKeys())
        } catch {
            guard let oldKey else { throw error }
            throw ActionFailure.replacementNotCreated(oldKey: oldKey, reason: ActionFailure.clause(error))
        }
        let key = creation.consumer.key
        await ledger.recordConsumer(key: key)
        if let intent { journal?.recordIssued(intent, key: key) }
        progress.update { $0.key = key }
        switch creation {
        case .created(_, let credentials):
            try await deliver(credentials, name: name, intent: intent, progress: progress, slot: slot)
        case .adopted:
            progress.update { $0.adopted = true }
            let rotation: (consumer: LiveConsumer, credentials: ConsumerCredentials)
            do {
                rotation = try await mutations.rotateSecret(key: key)
            } catch {
                throw ActionFailure.adoptedWithoutSecret(key: key, reason: ActionFailure.clause(error))
            }
            try await deliver(rotation.credentials, name: name, intent: intent, progress: progress, slot: slot)
        }
    }

    /// Makes the intent of a call that issues a secret durable in the journal, before the call is sent.
    private func recordIntent(_ action: ActionType, name: String, key: String?) async throws -> String? {
        guard let journal else { return nil }
        return try await journal.recordIntent(action, consumer: name, key: key)
    }

    /// Writes a secret to the sink; the action's call slot is free while the disk works. A failure stops the apply.
    private func deliver(
        _ credentials: ConsumerCredentials, name: String, intent: String?, progress: ActionProgress, slot: CallSlot
    ) async throws {
        guard let secrets else { throw ActionFailure.noSecretsFile(name: name, key: credentials.key) }
        slot.release()
        try await secrets.write(credentials, for: name)
        progress.update { $0.secretWritten = true }
        if let intent { journal?.recordSettled(intent, consumer: name, key: credentials.key) }
    }

    private func groupFields(of action: PlanAction) throws -> GroupFields {
        guard let fields = action.groupFields else { throw ActionFailure.incompletePlan(action.address, missing: "new state") }
        return fields
    }

    /// The consumer's fields, with its group resolved: the plan's reference, else (update) its live group.
    private func consumerFields(of action: PlanAction, ledger: ApplyLedger, liveKey: String?) async throws -> ConsumerFields {
        let groupID: Int
        switch action.groupRef {
        case .some(let reference):
            guard let id = await ledger.groupID(for: reference) else {
                throw ActionFailure.plannedGroupMissing(action.address, group: action.after?.consumer?.permissionGroup ?? "")
            }
            groupID = id
        case .none:
            guard let liveKey, let id = await ledger.liveGroupID(ofConsumer: liveKey) else {
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
