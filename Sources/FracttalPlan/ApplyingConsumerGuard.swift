import FracttalModel

/// The self-lockout guard for the consumer that applies a saved plan, when another one made it.
///
/// Planning with a read-only consumer and applying with another is a fair pattern, but the planner
/// guarded only the consumer that planned. Before any change, the applying consumer is checked the
/// same way: the plan must not delete, replace or move it to a group without what it needs, nor strip
/// or delete its group.
public enum ApplyingConsumerGuard {
    /// Why `plan` would lock the consumer of key `key` out of the API; empty when it would not.
    public static func problems(of plan: Plan, live: LiveState, applyingKey key: String) -> [String] {
        guard let own = live.consumers.first(where: { $0.key == key }) else { return [] }
        let groups = Dictionary(live.groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ownGroup = groups[own.permissionGroup]
        let needs = PlanBuilder.readPermissions.union((ownGroup?.permissions ?? []).intersection(PlanBuilder.managementPermissions))
        let label = "consumer \(DisplayText.quoted(own.name)) (key \(key)), which applies this plan,"

        var finalPermissions: [Int: Set<PermissionCode>] = [:]
        var plannedPermissions: [String: Set<PermissionCode>] = [:]
        for action in plan.actions where action.kind == .group {
            guard let after = action.after?.group else { continue }
            switch action.action {
            case .update: if let id = action.liveID { finalPermissions[id] = Set(after.permissions) }
            case .create: plannedPermissions[after.name] = Set(after.permissions)
            default: break
            }
        }
        func permissions(of reference: GroupReference) -> Set<PermissionCode> {
            switch reference {
            case .live(let id): finalPermissions[id] ?? groups[id]?.permissions ?? []
            case .planned(let name): plannedPermissions[name] ?? []
            }
        }
        func missing(_ granted: Set<PermissionCode>) -> String {
            needs.subtracting(granted).map(\.description).sorted().joined(separator: ", ")
        }

        var problems: [String] = []
        for action in plan.actions {
            switch (action.kind, action.action) {
            case (.consumer, .delete) where action.liveKey == key:
                problems.append("\(action.address) deletes the \(label) so it would lose its access")
            case (.consumer, .replace) where action.liveKey == key:
                problems.append("\(action.address) replaces the \(label) so its key and secret would stop working")
            case (.consumer, .update) where action.liveKey == key:
                guard let reference = action.groupRef, reference != .live(id: own.permissionGroup) else { continue }
                let granted = permissions(of: reference)
                if !needs.isSubset(of: granted) {
                    problems.append("\(action.address) moves the \(label) to a group without \(missing(granted))")
                }
            case (.group, .update) where action.liveID == own.permissionGroup:
                let granted = Set(action.after?.group?.permissions ?? [])
                if !needs.isSubset(of: granted) {
                    problems.append("\(action.address) strips the group of the \(label) of \(missing(granted))")
                }
            case (.group, .delete) where action.liveID == own.permissionGroup:
                problems.append("\(action.address) deletes the group of the \(label)")
            default:
                continue
            }
        }
        return problems
    }
}
