import FracttalModel

extension PlanBuilder {
    /// Rotates the secret of each consumer that an interrupted apply may have given a secret nobody saved
    /// (phase 3): found by key when the journal knows it, else by name. A consumer this plan deletes or
    /// replaces, or already rotates, needs nothing more; a create that never happened is planned as a
    /// create anyway, since no live consumer matches its declaration.
    mutating func planUndeliveredSecrets() {
        var rotated = Set(pending.filter { $0.action.action == .rotateSecret }.compactMap(\.action.liveKey))
        for undelivered in context.undeliveredSecrets {
            guard let position = livePosition(of: undelivered), !liveConsumers[position].removed else { continue }
            let consumer = live.consumers[position]
            guard rotated.insert(consumer.key).inserted else { continue }
            let declaration = liveConsumers[position].declaration
            let address = ResourceAddress(.consumer, declaration.map { desired.consumers[$0].name.value } ?? consumer.name)
            if let location = protectLocation(of: consumer) ?? declaration.flatMap({ consumers[$0].isProtected ? desired.consumers[$0].location : nil }) {
                keep("kept: \(address) (key \(consumer.key)) is in settings.protect, although the secret an interrupted apply gave it was never saved; rotate it by hand", at: location)
                continue
            }
            let state = ConsumerState(
                key: consumer.key, name: consumer.name, description: consumer.description, grantType: consumer.grantType,
                permissionGroup: index.groupName(consumer.groupID), redirectURI: consumer.redirectURI, hub: consumer.hubEnabled)
            let verb = undelivered.action == ActionType.rotateSecret.rawValue ? "rotated" : "made"
            pending.append(PendingAction(
                action: PlanAction(
                    address: address, action: .rotateSecret, before: .consumer(state), after: .consumer(state),
                    reason: "an interrupted apply \(verb) its secret at \(PlanDate.format(undelivered.startedAt)) but never saved it",
                    liveKey: consumer.key, liveFingerprint: Fingerprint.of(consumer)),
                phase: .rotations, location: declaration.map { desired.consumers[$0].location }))
        }
    }

    /// The live consumer an undelivered secret belongs to: by key, else the only one of its name.
    private func livePosition(of undelivered: UndeliveredSecret) -> Int? {
        if let key = undelivered.key, let position = index.consumer(key: key) { return position }
        let named = index.consumers(named: undelivered.name)
        return named.count == 1 ? named[0] : nil
    }
}
