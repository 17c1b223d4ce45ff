import FracttalModel

/// Decides whether a saved plan still fits the company.
public enum PlanStaleness {
    /// Why `plan` no longer fits `live`; empty when the live state is as the plan saw it.
    ///
    /// When the live fingerprint differs, the reasons name each acted-on object that changed or vanished,
    /// each group a consumer goes to that vanished, and each live object that a create would now duplicate
    /// by name; when none of those explains the change, the one reason is that the live state changed.
    /// The live fingerprint leaves out when secrets were issued, so a secret that was rotated elsewhere is
    /// looked for on its own: rotating it again would take the new secret from whoever holds it.
    public static func staleness(of plan: Plan, against live: LiveState) -> [String] {
        guard Fingerprint.of(live) != plan.liveFingerprint else { return rotationsOvertaken(in: plan, against: live) }
        return liveChanges(of: plan, against: live)
    }

    /// The rotations of the plan whose consumer got a new secret since the plan was made. The consumer
    /// the plan was made as is left out: a restarted sandbox resets its secret, and the tool holds the new one.
    private static func rotationsOvertaken(in plan: Plan, against live: LiveState) -> [String] {
        let rotations = plan.actions.filter { $0.action == .rotateSecret && $0.liveKey != nil && $0.liveKey != plan.clientID }
        guard !rotations.isEmpty else { return [] }
        let index = LiveIndex(live)
        return rotations.compactMap { action in
            guard let key = action.liveKey, let position = index.consumer(key: key),
                  action.liveFingerprint != Fingerprint.of(live.consumers[position])
            else { return nil }
            return "\(action.address) (key \(key)) got a new secret since the plan was made"
        }
    }

    /// Why `plan` no longer fits `live` and what the secret store lists now (`delivery`, nil without a store):
    /// the live reasons above, and a store whose entries or pending marks changed since the plan was made.
    public static func staleness(of plan: Plan, against live: LiveState, delivery: DeliveryRecord?) -> [String] {
        var reasons = staleness(of: plan, against: live)
        let digest = delivery.map(Fingerprint.of)
        if digest != plan.storeDigest {
            switch (plan.storeDigest, delivery) {
            case (nil, let record?):
                reasons.append("the plan was made without a secret store, and \(record.storeName) is named now; make the plan with the same store")
            case (_?, nil):
                reasons.append("the plan was made with a secret store, and none is named now; name the same store (--secrets-out or FRACTTAL_SECRETS_OUT)")
            default:
                reasons.append("the secret store \(delivery?.storeName ?? "") changed since the plan was made (an entry or a pending delivery mark)")
            }
        }
        return reasons
    }

    /// The reasons of a live state whose fingerprint differs from the plan's.
    private static func liveChanges(of plan: Plan, against live: LiveState) -> [String] {
        let index = LiveIndex(live)
        let actedOnKeys = Set(plan.actions.compactMap { $0.liveKey.map(ExactName.init) })
        let actedOnIDs = Set(plan.actions.compactMap(\.liveID))
        var reasons: [String] = []
        var seen: Set<String> = []
        func add(_ reason: String) {
            if seen.insert(reason).inserted { reasons.append(reason) }
        }
        for action in plan.actions {
            if let key = action.liveKey {
                if let position = index.consumer(key: key) {
                    let consumer = live.consumers[position]
                    if action.liveFingerprint != Fingerprint.of(consumer) {
                        add("\(action.address) (key \(key)) changed since the plan was made")
                    }
                } else {
                    add("\(action.address) (key \(key)) no longer exists")
                }
            }
            if let id = action.liveID {
                if let group = index.groupsByID[id] {
                    if action.liveFingerprint != Fingerprint.of(group) {
                        add("\(action.address) (id \(id)) changed since the plan was made")
                    }
                } else {
                    add("\(action.address) (id \(id)) no longer exists")
                }
            }
            if case .live(let id)? = action.groupRef, index.groupsByID[id] == nil, !actedOnIDs.contains(id) {
                add("the group with id \(id), which \(action.address) goes to, no longer exists")
            }
            if action.action == .create, let name = action.after?.name {
                let collides = switch action.kind {
                case .group: index.groups(named: name).contains { !actedOnIDs.contains($0.id) }
                case .consumer: index.consumers(named: name).contains { !actedOnKeys.contains(ExactName(live.consumers[$0].key)) }
                }
                if collides {
                    add("a live \(action.kind.rawValue) named \(DisplayText.quoted(name)) appeared, so creating \(action.address) would make a second one")
                }
            }
        }
        return reasons.isEmpty ? ["the live state changed since the plan was made"] : reasons
    }
}

extension Plan {
    /// Why this plan no longer fits `live`; empty when it still does. See `PlanStaleness.staleness(of:against:)`.
    public func staleness(against live: LiveState) -> [String] {
        PlanStaleness.staleness(of: self, against: live)
    }
}
