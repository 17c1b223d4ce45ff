import FracttalModel

extension PlanBuilder {
    /// Predicts the server's 409 for group deletes: accounts still assigned, or consumers that stay still using the group.
    mutating func checkGroupDeletes() {
        let deletes = pending.filter { $0.phase == .groupDeletes }
        guard !deletes.isEmpty else { return }
        let users = finalUsers(of: Set(deletes.compactMap(\.action.liveID)))
        for item in deletes {
            guard let id = item.action.liveID, let group = index.groupsByID[id] else { continue }
            if group.accountsCount > 0 {
                diagnostics.append(.groupHasAccounts(group, at: item.location))
            }
            if let names = users[id], !names.isEmpty {
                diagnostics.append(.groupUsedByConsumers(group, users: names, at: item.location))
            }
        }
    }

    /// The consumers that each of these live groups will still serve after this plan, as `"name" (key K)` labels.
    private func finalUsers(of groupIDs: Set<Int>) -> [Int: [String]] {
        var users: [Int: [String]] = [:]
        for (position, consumer) in desired.consumers.enumerated() {
            let decision = consumers[position]
            guard case .live(let id)? = decision.groupReference, groupIDs.contains(id) else { continue }
            switch decision.match {
            case .live(let match, _) where !decision.isProtected:
                let key = live.consumers[match].key
                let label = liveConsumers[match].removed ? "replacing key \(key)" : "key \(key)"
                users[id, default: []].append("\(DisplayText.quoted(consumer.name)) (\(label))")
            case .none:
                users[id, default: []].append("\(DisplayText.quoted(consumer.name)) (to be created)")
            default:
                break
            }
        }
        for (position, consumer) in live.consumers.enumerated()
        where !liveConsumers[position].removed && groupIDs.contains(consumer.permissionGroup) && !declarationSetsGroup(ofLive: position) {
            users[consumer.permissionGroup, default: []].append("\(DisplayText.quoted(consumer.name)) (key \(consumer.key))")
        }
        return users
    }

    /// Whether a declaration decides the group of this live consumer (it matches it, is not protected, and resolved its group).
    private func declarationSetsGroup(ofLive position: Int) -> Bool {
        guard let declaration = liveConsumers[position].declaration else { return false }
        return !consumers[declaration].isProtected && consumers[declaration].groupReference != nil
    }

    /// Refuses to delete more than `max_delete_percent` of the live objects of a kind, unless mass deletes are allowed.
    mutating func checkMassDelete() {
        guard !context.allowMassDelete else { return }
        let threshold = desired.settings.deleteThresholdPercent
        let location = desired.settings.maxDeletePercent?.location ?? pruneLocation
        for (kind, phase, liveCount) in [
            (ResourceKind.consumer, Phase.consumerDeletes, live.consumers.count), (.group, .groupDeletes, live.groups.count),
        ] {
            let deletes = pending.reduce(0) { $0 + ($1.phase == phase ? 1 : 0) }
            if deletes > 0, deletes * 100 > threshold * liveCount {
                diagnostics.append(.massDelete(kind, deletes: deletes, liveCount: liveCount, threshold: threshold, at: location))
            }
        }
    }

    /// Checks that the tool's own group grants what each action needs, at the time the action runs.
    mutating func checkOwnPermissions() {
        guard let own else { return }
        let ownGroupName = index.groupName(own.permissionGroup)
        let before = index.groupsByID[own.permissionGroup]?.permissions ?? []
        let afterStepOne = finalPermissions(of: .live(id: own.permissionGroup))
        var duringConsumerChanges = afterStepOne
        var afterConsumerChanges = afterStepOne
        if let livePosition = index.consumer(key: own.key), let position = liveConsumers[livePosition].declaration,
           !consumers[position].isProtected,
           let reference = consumers[position].groupReference, reference != .live(id: own.permissionGroup) {
            // The tool's consumer moves during phase 2: actions beside it may run in either group.
            afterConsumerChanges = finalPermissions(of: reference)
            duringConsumerChanges = afterStepOne.intersection(afterConsumerChanges)
        }
        struct Shortfall {
            var addresses: [ResourceAddress]
            var location: SourceLocation?
            var grantedByStepOne: Bool
        }
        var order: [String] = []
        var shortfalls: [String: Shortfall] = [:]
        for item in pending {
            let granted: Set<PermissionCode>
            switch item.phase {
            case .groupChanges: granted = before
            case .consumerChanges: granted = duringConsumerChanges
            default: granted = afterConsumerChanges
            }
            for permission in Self.permissionsNeeded(by: item.action) where !granted.contains(permission) {
                let id = "\(item.action.action.rawValue) \(item.action.kind.rawValue) \(permission)"
                if shortfalls[id] == nil {
                    order.append(id)
                    shortfalls[id] = Shortfall(
                        addresses: [], location: item.location,
                        grantedByStepOne: item.phase == .groupChanges && afterStepOne.contains(permission))
                }
                shortfalls[id]?.addresses.append(item.action.address)
            }
        }
        for id in order {
            guard let shortfall = shortfalls[id] else { continue }
            let parts = id.split(separator: " ")
            let verb = parts[0] == "rotate_secret" ? "rotate the secret of" : String(parts[0])
            guard let permission = PermissionCode(String(parts[2])) else { continue }
            diagnostics.append(.missingOwnPermission(
                permission, verb: verb, addresses: shortfall.addresses.sorted(), ownGroup: ownGroupName,
                grantedByStepOne: shortfall.grantedByStepOne, at: shortfall.location))
        }
    }

    /// The permissions the tool's group needs to carry out an action.
    static func permissionsNeeded(by action: PlanAction) -> [PermissionCode] {
        let module = action.kind == .group ? "security" : "api_connections"
        let actions: [String] = switch action.action {
        case .create: ["create"]
        case .update, .rotateSecret: ["edit"]
        case .delete: ["delete"]
        case .replace: ["delete", "create"]
        }
        return actions.map { PermissionCode(module: module, action: $0) }
    }

    /// Warns when a declared consumer will share its name with a live consumer that no declaration matches.
    mutating func warnNameCollisions() {
        var undeclared: [ExactName: [String]] = [:]
        for (position, consumer) in live.consumers.enumerated()
        where liveConsumers[position].declaration == nil && !liveConsumers[position].removed {
            undeclared[ExactName(consumer.name), default: []].append(consumer.key)
        }
        guard !undeclared.isEmpty else { return }
        for (position, consumer) in desired.consumers.enumerated() where covers(consumer: position) {
            guard let others = undeclared[ExactName(consumer.name)] else { continue }
            let own: [String]
            switch consumers[position].match {
            case .live(let match, _): own = [live.consumers[match].key]
            case .none: own = ["a new one"]
            case .failed: continue
            }
            diagnostics.append(.nameWillCollide(consumer.name, keys: own + others, at: consumer.location(of: .name)))
        }
    }
}
