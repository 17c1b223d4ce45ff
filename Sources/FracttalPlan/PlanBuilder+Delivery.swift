import Foundation
import FracttalModel

extension PlanBuilder {
    /// Reads the secret store's record (phase 3), deciding from the live state alone, with no clock:
    ///
    /// - a create or replacement mark: live consumers of its name whose key was not live before the call
    ///   were made by it; one is rotated to deliver a secret, none withdraws the mark, several fail the plan
    ///   unless `key:` binds one of them, which is then rotated;
    /// - a rotation mark: a live issue time other than the one before the call means the rotation took
    ///   effect, so it is rotated again; else the mark is withdrawn;
    /// - a stored entry whose issue time differs from the live one: the secret was changed outside this tool;
    /// - marks under another apply's live lock are in progress and left alone.
    ///
    /// Without a store, delivery is not checked, and the plan says so.
    mutating func planDeliveries() {
        guard let record = context.delivery else {
            // A line of the plan only: every plan without a store would otherwise print it on standard error too.
            notes.append(Self.deliveryNotChecked)
            return
        }
        var rotated = Set(pending.filter { $0.action.action == .rotateSecret }.compactMap(\.action.liveKey))
        var storedKeys: Set<String> = []
        for entry in record.entries {
            if let key = entry.key { storedKeys.insert(key) }
            guard coversDelivery(name: entry.name, key: entry.key ?? entry.pending?.key) else { continue }
            var markedKey: String?
            if let mark = entry.pending {
                if record.lockedByOther {
                    deliveryNote("the delivery of \(ResourceAddress(.consumer, entry.name))'s secret is in progress under another apply's lock of \(record.storeName); it is left to that apply")
                    continue
                }
                markedKey = planMark(mark, name: entry.name, rotated: &rotated)
            }
            // The consumer the tool signs in as is left out: a restarted sandbox resets its secret, and the tool holds the new one.
            guard let key = entry.key, key != markedKey, key != context.ownClientID, let stored = entry.secretCreatedAt else { continue }
            guard let position = index.consumer(key: key) else {
                deliveryNote("\(record.storeName) holds a secret of \(ResourceAddress(.consumer, entry.name)) (key \(key)), which is no longer live; remove that entry when it is no longer needed")
                continue
            }
            let consumer = live.consumers[position]
            guard !Self.sameIssueTime(consumer.secretCreatedAt, stored) else { continue }
            rotate(
                position, rotated: &rotated,
                reason: "the store holds the secret issued at \(PlanDate.format(stored)); the live secret was issued at \(PlanDate.format(consumer.secretCreatedAt)) (changed outside this tool)")
        }
        noteConsumersWithoutEntries(storedKeys: storedKeys.union(rotated), record: record)
    }

    /// Plans what one pending mark needs; returns the key it settled, so its stored entry is not checked again.
    private mutating func planMark(_ mark: PendingMark, name: String, rotated: inout Set<String>) -> String? {
        switch mark.action {
        case .create, .replace:
            let prior = Set(mark.priorKeys.map(ExactName.init))
            let made = index.consumers(named: name).filter { !prior.contains(ExactName(live.consumers[$0].key)) }
            switch made.count {
            case 0:
                withdrawnIntents.append(mark.intent)
                return nil
            case 1:
                let consumer = live.consumers[made[0]]
                rotate(
                    made[0], rotated: &rotated,
                    reason: "an interrupted delivery: the \(mark.action == .create ? "create" : "replacement") took effect (key \(consumer.key)) but its secret was never stored")
                return consumer.key
            default:
                // The tool cannot tell which one its call made; one bound by `key:` is the one the configuration means.
                let bound = made.filter { liveConsumers[$0].declaration != nil }
                guard bound.count == 1 else {
                    let keys = made.map { live.consumers[$0].key }
                    diagnostics.append(.severalMadeBehindMark(name, keys: keys, at: declarationLocation(named: name)))
                    return nil
                }
                let consumer = live.consumers[bound[0]]
                let others = made.filter { $0 != bound[0] }.map { live.consumers[$0].key }
                deliveryNote(
                    "the interrupted delivery of \(ResourceAddress(.consumer, name)) also left \(others.count == 1 ? "key" : "keys") \(listed(others)) of that name, whose secret no store holds; \(others.count == 1 ? "it is" : "they are") left alone: delete \(others.count == 1 ? "it" : "them") in Fracttal if nobody uses \(others.count == 1 ? "it" : "them")")
                rotate(
                    bound[0], rotated: &rotated,
                    reason: "an interrupted delivery: a \(mark.action == .create ? "create" : "replacement") took effect and its secret was never stored; `key:` binds this one (key \(consumer.key)) among \(made.count) made since")
                return consumer.key
            }
        case .rotate:
            guard let key = mark.key, let position = index.consumer(key: key) else {
                withdrawnIntents.append(mark.intent)
                return nil
            }
            guard let prior = mark.priorSecretCreatedAt, !Self.sameIssueTime(live.consumers[position].secretCreatedAt, prior) else {
                withdrawnIntents.append(mark.intent)
                return nil
            }
            rotate(
                position, rotated: &rotated,
                reason: "an interrupted delivery: a rotation took effect (the live secret was issued at \(PlanDate.format(live.consumers[position].secretCreatedAt))) but its secret was never stored")
            return key
        }
    }

    /// Plans a rotation of the live consumer at `position` to deliver its secret, unless the plan already
    /// removes or rotates it; a protected consumer gets a note, an undeclared one fails the plan.
    private mutating func rotate(_ position: Int, rotated: inout Set<String>, reason: String) {
        let consumer = live.consumers[position]
        guard !liveConsumers[position].removed, rotated.insert(consumer.key).inserted else { return }
        guard let declaration = liveConsumers[position].declaration else {
            diagnostics.append(.undeclaredUndelivered(consumer, reason: reason, at: pruneLocation))
            return
        }
        let address = ResourceAddress(.consumer, desired.consumers[declaration].name)
        if let location = protectLocation(of: consumer) ?? (consumers[declaration].isProtected ? desired.consumers[declaration].location : nil) {
            keep("kept: \(address) (key \(consumer.key)) is in settings.protect, so its secret is not rotated although \(reason); rotate it by hand", at: location)
            return
        }
        let state = liveState(of: consumer)
        pending.append(PendingAction(
            action: PlanAction(
                address: address, action: .rotateSecret, before: .consumer(state), after: .consumer(state),
                reason: reason, liveKey: consumer.key, liveFingerprint: Fingerprint.of(consumer, for: .rotateSecret)),
            phase: .rotations, location: desired.consumers[declaration].location))
    }

    /// Counts the declared live consumers whose secret the store does not hold: nothing is done for them.
    private mutating func noteConsumersWithoutEntries(storedKeys: Set<String>, record: DeliveryRecord) {
        var count = 0
        for (position, fate) in liveConsumers.enumerated() where fate.declaration.map({ covers(consumer: $0) }) == true && !fate.removed {
            let key = live.consumers[position].key
            if !storedKeys.contains(key), key != context.ownClientID { count += 1 }
        }
        guard count > 0 else { return }
        deliveryNote("\(count) declared \(count == 1 ? "consumer's" : "consumers'") secret \(count == 1 ? "is" : "are") not in \(record.storeName), so \(count == 1 ? "its" : "their") delivery is not checked; rotate one (rotate_secret_before) to bring it into the store")
    }

    /// Whether a store entry or mark concerns an object the plan covers; with `--target`, the others are left as they are.
    private func coversDelivery(name: String, key: String?) -> Bool {
        guard let scope else { return true }
        if let key, let position = index.consumer(key: key) {
            if let declaration = liveConsumers[position].declaration { return scope.consumers.contains(declaration) }
            return scope.liveConsumers.contains(position)
        }
        return scope.targets.contains(ResourceAddress(.consumer, name))
    }

    /// The plan's note when no store was named.
    static let deliveryNotChecked = "secret delivery was not checked: no secret store was named (--secrets-out or FRACTTAL_SECRETS_OUT)"

    /// Whether two issue times are the same instant as stores keep them (to the millisecond).
    static func sameIssueTime(_ left: Date, _ right: Date) -> Bool {
        abs(left.timeIntervalSince(right)) < 0.0005
    }

    /// Where a message about the declaration of `name` points, if it is declared.
    private func declarationLocation(named name: String) -> SourceLocation? {
        desired.consumers.first { ExactName($0.name) == ExactName(name) }?.location
    }

    /// A line of the plan about delivery, also given as a note.
    private mutating func deliveryNote(_ message: String) {
        notes.append(message)
        diagnostics.append(.note("FRC224", message))
    }
}
