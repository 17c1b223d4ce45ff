import FracttalModel

extension PlanBuilder {
    /// Warns about protect entries that name nothing live nor declared.
    mutating func checkProtectEntries() {
        guard !protectedConsumers.isEmpty || !protectedGroups.isEmpty else { return }
        let declaredConsumers = Set(desired.consumers.map { ExactName($0.name) })
        var seen: Set<ExactName> = []
        for entry in desired.settings.protectedConsumers where seen.insert(ExactName(entry.value)).inserted {
            let name = entry.value
            if index.consumers(named: name).isEmpty, index.consumer(key: name) == nil, !declaredConsumers.contains(ExactName(name)) {
                diagnostics.append(.protectMatchesNothing(.consumer, name, at: entry.location))
            }
        }
        let declaredGroups = Set(desired.groups.map { ExactName($0.name.value) })
        seen = []
        for entry in desired.settings.protectedGroups where seen.insert(ExactName(entry.value)).inserted {
            if index.groups(named: entry.value).isEmpty, !declaredGroups.contains(ExactName(entry.value)) {
                diagnostics.append(.protectMatchesNothing(.group, entry.value, at: entry.location))
            }
        }
    }

    /// Expands `module:*` against the live catalog and checks every code in it.
    mutating func expandGroupPermissions() {
        let modules = index.codesByModule.keys.sorted()
        lazy var codeNames = index.catalog.map(\.description).sorted()
        for (position, group) in desired.groups.enumerated() where covers(group: position) {
            var codes: Set<PermissionCode> = []
            for pattern in group.permissions {
                switch pattern.value {
                case .code(let code):
                    if index.catalog.contains(code) {
                        codes.insert(code)
                    } else {
                        groups[position].hasUnknownPermission = true
                        // Within a known module any action is a likelier guess than a code of another module.
                        let suggestion = index.codesByModule[code.module].map { moduleCodes in
                            Suggestion.nearest(to: code.description, among: moduleCodes.map(\.description), maximumDistance: .max)
                        } ?? Suggestion.nearest(to: code.description, among: codeNames)
                        diagnostics.append(.unknownPermission(code, suggestion: suggestion, at: pattern.location))
                    }
                case .everyAction(let module):
                    if let moduleCodes = index.codesByModule[module] {
                        codes.formUnion(moduleCodes)
                    } else {
                        groups[position].hasUnknownPermission = true
                        let suggestion = Suggestion.nearest(to: module, among: modules)
                        diagnostics.append(.emptyModule(module, suggestion: suggestion, at: pattern.location))
                    }
                }
            }
            groups[position].permissions = codes
        }
    }

    /// Matches each declared group to the live group of its name, else to the one live group of one of its
    /// previous names that no declaration has by name.
    mutating func matchGroups() {
        groupDeclarationByName.reserveCapacity(desired.groups.count)
        groupDeclarationByID.reserveCapacity(desired.groups.count)
        var byPreviousName: [Int] = []
        for (position, group) in desired.groups.enumerated() {
            groupDeclarationByName[ExactName(group.name.value)] = position
            let candidates = index.groups(named: group.name.value)
            if candidates.isEmpty, !group.previousNames.isEmpty { byPreviousName.append(position) }
            matchGroup(position, among: candidates, at: group.name.location)
        }
        for position in byPreviousName {
            let group = desired.groups[position]
            var candidates: [LiveGroup] = []
            var foundBy: [SourceLocation] = []
            for previous in group.previousNames {
                for candidate in index.groups(named: previous.value)
                where groupDeclarationByID[candidate.id] == nil && !candidates.contains(where: { $0.id == candidate.id }) {
                    candidates.append(candidate)
                    foundBy.append(previous.location)
                }
            }
            matchGroup(position, among: candidates, at: foundBy.first ?? group.name.location)
            if let match = groups[position].match { groups[position].renamedFrom = match.name }
        }
    }

    /// Matches the declared group at `position` to its one candidate; several are an error that names them.
    private mutating func matchGroup(_ position: Int, among candidates: [LiveGroup], at location: SourceLocation) {
        switch candidates.count {
        case 0:
            break
        case 1:
            groups[position].match = candidates[0]
            groupDeclarationByID[candidates[0].id] = position
        default:
            groups[position].matchFailed = true
            groupsInDispute.formUnion(candidates.map(\.id))
            guard covers(group: position) else { return }
            diagnostics.append(.ambiguousGroup(desired.groups[position].name.value, ids: candidates.map(\.id), at: location))
        }
    }

    /// Matches each declared consumer by key, else by name, else by a previous name; a live consumer goes to one declaration.
    mutating func matchConsumers() {
        for (position, consumer) in desired.consumers.enumerated() {
            var match = findLiveConsumer(for: consumer, reporting: covers(consumer: position))
            var isProtected = !protectedConsumers.isEmpty && protectedConsumers[ExactName(consumer.name)] != nil
            if case .live(let found, _) = match {
                if let other = liveConsumers[found].declaration {
                    let first = desired.consumers[other]
                    if covers(consumer: position) || covers(consumer: other) {
                        diagnostics.append(.consumerClaimedTwice(
                            consumer.name, live: live.consumers[found], otherName: first.name,
                            otherLocation: first.location, at: consumer.location))
                    }
                    match = .failed
                } else {
                    liveConsumers[found].declaration = position
                    if !protectedConsumers.isEmpty, protectLocation(of: live.consumers[found]) != nil { isProtected = true }
                }
            }
            consumers[position].match = match
            consumers[position].isProtected = isProtected
        }
    }

    /// The live consumer `consumer` matches; with `reporting` false (a declaration outside a partial plan) it says nothing.
    private mutating func findLiveConsumer(for consumer: DesiredConsumer, reporting: Bool) -> ConsumerMatch {
        if let key = consumer.key {
            guard let found = index.consumer(key: key.value) else {
                if reporting { diagnostics.append(.keyNotLive(key.value, at: key.location)) }
                return .failed
            }
            return .live(found, renamedFrom: nil)
        }
        let byName = index.consumers(named: consumer.name)
        if byName.count == 1 { return .live(byName[0], renamedFrom: nil) }
        if byName.count > 1 {
            for candidate in byName { liveConsumers[candidate].inDispute = true }
            if reporting {
                diagnostics.append(.ambiguousConsumer(consumer.name, matches: byName.map { live.consumers[$0] }, at: consumer.location(of: .name)))
            }
            return .failed
        }
        var found: [Int] = []
        var foundBy: [Located<String>] = []
        for previous in consumer.previousNames {
            for candidate in index.consumers(named: previous.value) where !found.contains(candidate) {
                found.append(candidate)
                foundBy.append(previous)
            }
        }
        switch found.count {
        case 0:
            return .none
        case 1:
            return .live(found[0], renamedFrom: live.consumers[found[0]].name)
        default:
            for candidate in found { liveConsumers[candidate].inDispute = true }
            if reporting {
                diagnostics.append(.ambiguousConsumer(consumer.name, matches: found.map { live.consumers[$0] }, at: foundBy[0].location))
            }
            return .failed
        }
    }

    /// Resolves each consumer's `permission_group` to a declared group or a single live group of that name.
    mutating func resolveConsumerGroups() {
        lazy var groupNames = Set(desired.groups.map { ExactName($0.name.value) }).union(index.groupNames.map(ExactName.init))
            .map(\.text).sorted { $0 != $1 ? $0 < $1 : $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (position, consumer) in desired.consumers.enumerated() where covers(consumer: position) {
            let name = consumer.permissionGroup
            if let declaration = groupDeclarationByName[ExactName(name)] {
                let group = groups[declaration]
                if !group.matchFailed {
                    consumers[position].groupReference = group.match.map { .live(id: $0.id) } ?? .planned(name: name)
                }
                continue
            }
            let candidates = index.groups(named: name)
            switch candidates.count {
            case 1:
                consumers[position].groupReference = .live(id: candidates[0].id)
            case 0:
                let suggestion = Suggestion.nearest(to: name, among: groupNames)
                diagnostics.append(.unknownGroupReference(name, suggestion: suggestion, at: consumer.location(of: .permissionGroup)))
            default:
                diagnostics.append(.ambiguousGroupReference(name, ids: candidates.map(\.id), at: consumer.location(of: .permissionGroup)))
            }
        }
    }
}
