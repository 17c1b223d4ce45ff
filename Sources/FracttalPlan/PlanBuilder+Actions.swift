import Foundation
import FracttalModel

extension PlanBuilder {
    /// Plans group creates and updates (phase 1), and guards the group of the tool's own consumer.
    mutating func planGroups() {
        for (position, group) in desired.groups.enumerated() where !groups[position].matchFailed && covers(group: position) {
            let address = ResourceAddress(.group, group.name.value)
            let permissions = groups[position].permissions
            let after = GroupFields(name: group.name.value, description: group.description.value, permissions: permissions)
            guard let match = groups[position].match else {
                pending.append(PendingAction(
                    action: PlanAction(
                        address: address, action: .create, before: nil, after: .group(after),
                        changedFields: GroupField.allCases.map(\.key), reason: "no live group has this name"),
                    phase: .groupChanges, location: group.location))
                continue
            }
            let before = match.fields
            let changed = after.changedFields(from: before).map(\.key)
            if let protectLocation = protectedGroups[ExactName(group.name.value)] {
                unchanged += 1
                if !changed.isEmpty {
                    keep("kept: \(address) is in settings.protect, so its declared changes (\(changed.joined(separator: ", "))) are not applied", at: protectLocation)
                }
                continue
            }
            if let own, match.id == own.permissionGroup, !groups[position].hasUnknownPermission {
                let missing = ownNeeds.subtracting(permissions)
                if !missing.isEmpty {
                    diagnostics.append(.ownGroupStripped(Array(missing), own: own, group: match.name, at: group.location))
                }
            }
            guard !changed.isEmpty else {
                unchanged += 1
                continue
            }
            var reason = "differs in \(changed.joined(separator: ", "))"
            if let renamedFrom = groups[position].renamedFrom { reason += "; found by its previous name \(DisplayText.quoted(renamedFrom))" }
            pending.append(PendingAction(
                action: PlanAction(
                    address: address, action: .update, before: .group(before), after: .group(after),
                    changedFields: changed, reason: reason,
                    liveID: match.id, liveFingerprint: Fingerprint.of(match)),
                phase: .groupChanges, location: group.location))
        }
    }

    /// Plans consumer creates, updates and replacements (phase 2) and rotations (phase 3).
    mutating func planConsumers() {
        for (position, consumer) in desired.consumers.enumerated() where covers(consumer: position) {
            if let instant = consumer.rotateSecretBefore, instant.value > context.now {
                diagnostics.append(.rotateBeforeInFuture(instant.value, now: context.now, at: instant.location))
            }
            guard let reference = consumers[position].groupReference else { continue }
            let address = ResourceAddress(.consumer, consumer.name)
            switch consumers[position].match {
            case .failed:
                continue
            case .none:
                let after = state(of: consumer, key: nil)
                pending.append(PendingAction(
                    action: PlanAction(
                        address: address, action: .create, before: nil, after: .consumer(after),
                        changedFields: ConsumerField.allCases.map(\.key), reason: "no live consumer matches it", groupRef: reference),
                    phase: .consumerChanges, location: consumer.location))
            case .live(let match, let renamedFrom):
                planLiveConsumer(position, consumer, match: match, renamedFrom: renamedFrom, reference: reference, address: address)
            }
        }
    }

    private mutating func planLiveConsumer(
        _ position: Int, _ consumer: DesiredConsumer, match livePosition: Int, renamedFrom: String?,
        reference: GroupReference, address: ResourceAddress
    ) {
        let match = live.consumers[livePosition]
        let changedFields = consumer.fields.with(group: reference)
            .changedFields(from: match.fields.with(group: GroupReference.live(id: match.permissionGroup)))
        let changed = changedFields.map(\.key)
        let rotation = rotationReasons(consumer, match)
        if changed.isEmpty, rotation.isEmpty {
            unchanged += 1
            return
        }
        let before = liveState(of: match)

        if consumers[position].isProtected {
            unchanged += 1
            let differences = changed + (rotation.isEmpty ? [] : ["secret rotation"])
            keep("kept: \(address) is in settings.protect, so its declared changes (\(differences.joined(separator: ", "))) are not applied",
                 at: protectedConsumers[ExactName(consumer.name)] ?? protectLocation(of: match))
            return
        }
        let isOwn = match.key == own?.key
        let after = state(of: consumer, key: match.key)
        if let forcing = changedFields.first(where: \.forcesReplacement) {
            if isOwn, let own {
                diagnostics.append(.ownConsumerReplaced(own, at: consumer.location(of: forcing)))
                return
            }
            if let key = consumer.key {
                diagnostics.append(.replacementRetiresKey(key.value, at: key.location))
            }
            liveConsumers[livePosition].removed = true
            pending.append(PendingAction(
                action: PlanAction(
                    address: address, action: .replace, before: .consumer(before), after: .consumer(state(of: consumer, key: nil)),
                    changedFields: changed, forcesReplacement: changedFields.filter(\.forcesReplacement).map(\.key),
                    reason: "\(forcing.key) changes from \(before.fields.value(of: forcing).plainText) to \(after.fields.value(of: forcing).plainText), which the server cannot change in place: the consumer is deleted and created again",
                    liveKey: match.key, liveFingerprint: Fingerprint.of(match, for: .replace), groupRef: reference),
                phase: .consumerChanges, location: consumer.location))
            return
        }
        if isOwn, let own, changedFields.contains(.permissionGroup) {
            let missing = ownNeeds.subtracting(finalPermissions(of: reference))
            if !missing.isEmpty {
                diagnostics.append(.ownConsumerMoved(
                    Array(missing), own: own, to: groupName(of: reference), from: index.groupName(match.permissionGroup),
                    at: consumer.location(of: .permissionGroup)))
            }
        }
        if !changed.isEmpty {
            var reason = "differs in \(changed.joined(separator: ", "))"
            if let renamedFrom { reason += "; found by its previous name \(DisplayText.quoted(renamedFrom))" }
            pending.append(PendingAction(
                action: PlanAction(
                    address: address, action: .update, before: .consumer(before), after: .consumer(after),
                    changedFields: changed, reason: reason, liveKey: match.key, liveFingerprint: Fingerprint.of(match, for: .update),
                    groupRef: reference),
                phase: .consumerChanges, location: consumer.location))
        }
        if !rotation.isEmpty {
            if isOwn, let own { diagnostics.append(.ownSecretRotated(own, at: consumer.location)) }
            pending.append(PendingAction(
                action: PlanAction(
                    address: address, action: .rotateSecret, before: .consumer(after), after: .consumer(after),
                    reason: rotation.joined(separator: "; "), liveKey: match.key, liveFingerprint: Fingerprint.of(match, for: .rotateSecret)),
                phase: .rotations, location: consumer.location))
        }
    }

    /// Why the live secret is due for rotation; empty when it is not.
    private func rotationReasons(_ consumer: DesiredConsumer, _ match: LiveConsumer) -> [String] {
        var reasons: [String] = []
        let issued = match.secretCreatedAt
        if let instant = consumer.rotateSecretBefore?.value, instant <= context.now, issued < instant {
            reasons.append("the secret was issued \(PlanDate.format(issued)), before rotate_secret_before \(PlanDate.format(instant))")
        }
        if let age = consumer.maxSecretAge?.value {
            let elapsed = context.now.timeIntervalSince(issued)
            if elapsed > age.seconds {
                let count = Int(elapsed / (age.unit == .days ? 86_400 : 3_600))
                let unit = age.unit == .days ? (count == 1 ? "day" : "days") : (count == 1 ? "hour" : "hours")
                reasons.append("the secret is \(count) \(unit) old, older than max_secret_age \(age)")
            }
        }
        return reasons
    }

    /// A live consumer in plan form.
    func liveState(of consumer: LiveConsumer) -> ConsumerState {
        ConsumerState(key: consumer.key, fields: consumer.fields.with(group: index.groupName(consumer.permissionGroup)))
    }

    /// The declared consumer in plan form.
    private func state(of consumer: DesiredConsumer, key: String?) -> ConsumerState {
        ConsumerState(key: key, fields: consumer.fields)
    }

    /// With `prune`, deletes undeclared live objects (phases 4 and 5), except the ones kept; with `--target`,
    /// only the targeted ones.
    mutating func planPrune() {
        let reason = "no file declares it and settings.prune is true"
        for (position, consumer) in live.consumers.enumerated()
        where liveConsumers[position].declaration == nil && !liveConsumers[position].inDispute && covers(liveConsumer: position) {
            let address = ResourceAddress(.consumer, consumer.name)
            if let location = protectLocation(of: consumer) {
                keep("kept: \(address) (key \(consumer.key)) is in settings.protect", at: location)
            } else if consumer.key == own?.key {
                keep("kept: \(address) (key \(consumer.key)) is the consumer this tool signs in as", at: pruneLocation)
            } else {
                liveConsumers[position].removed = true
                pending.append(PendingAction(
                    action: PlanAction(
                        address: address, action: .delete, before: .consumer(liveState(of: consumer)), after: nil, reason: reason,
                        liveKey: consumer.key, liveFingerprint: Fingerprint.of(consumer, for: .delete)),
                    phase: .consumerDeletes, location: pruneLocation))
            }
        }
        for group in live.groups
        where groupDeclarationByID[group.id] == nil && !groupsInDispute.contains(group.id) && covers(liveGroup: group.id) {
            let address = ResourceAddress(.group, group.name)
            if let location = protectedGroups[ExactName(group.name)] {
                keep("kept: \(address) (id \(group.id)) is in settings.protect", at: location)
            } else if group.id == own?.permissionGroup {
                keep("kept: \(address) (id \(group.id)) is the group of the consumer this tool signs in as", at: pruneLocation)
            } else if group.isDefault {
                keep("kept: \(address) (id \(group.id)) is the default group, which the server cannot delete", at: pruneLocation)
            } else {
                let before = group.fields
                pending.append(PendingAction(
                    action: PlanAction(
                        address: address, action: .delete, before: .group(before), after: nil, reason: reason,
                        liveID: group.id, liveFingerprint: Fingerprint.of(group)),
                    phase: .groupDeletes, location: pruneLocation))
            }
        }
    }
}
