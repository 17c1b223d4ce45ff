import FracttalModel

extension PlanBuilder {
    /// Without `prune`, lists the live consumers and groups that no file declares (left alone), apart from the
    /// tool's own consumer, the default group and protected objects, which are always there by design. A
    /// partial plan (`--target`) lists none: it does not look at the whole company.
    mutating func noteUndeclared() {
        guard !desired.settings.prunes, scope == nil else { return }
        var consumers: [UndeclaredObjects.Consumer] = []
        for (position, consumer) in live.consumers.enumerated()
        where liveConsumers[position].declaration == nil && !liveConsumers[position].inDispute && !liveConsumers[position].removed {
            if consumer.key == own?.key || protectLocation(of: consumer) != nil { continue }
            consumers.append(.init(name: consumer.name, key: consumer.key))
        }
        var groups: [UndeclaredObjects.Group] = []
        for group in live.groups where groupDeclarationByID[group.id] == nil && !groupsInDispute.contains(group.id) {
            if group.isDefault || protectedGroups[ExactName(group.name)] != nil { continue }
            groups.append(.init(name: group.name, id: group.id))
        }
        undeclared = UndeclaredObjects(consumers: consumers, groups: groups)
    }

    /// The note that counts the undeclared objects, for the plan's warnings and notes only: it is no finding
    /// about the configuration, so it is not among the diagnostics printed on standard error.
    var undeclaredNote: Diagnostic? {
        guard !undeclared.consumers.isEmpty || !undeclared.groups.isEmpty else { return nil }
        return .undeclaredLeftAlone(consumers: undeclared.consumers.count, groups: undeclared.groups.count, at: pruneLocation)
    }

    /// Warns when a consumer to be created has an undeclared live twin that differs only by name: probably
    /// the same consumer renamed in the files, which `previous_names` would keep (key and secret included).
    mutating func warnRenamedTwins() {
        // The undeclared live consumers by every field but the name, so each create looks its twins up at once.
        var undeclaredByFields: [ConsumerFields<Int>: [Int]] = [:]
        for (index, candidate) in live.consumers.enumerated()
        where liveConsumers[index].declaration == nil && !liveConsumers[index].inDispute {
            undeclaredByFields[candidate.fields.withoutName, default: []].append(index)
        }
        guard !undeclaredByFields.isEmpty else { return }
        for (position, consumer) in desired.consumers.enumerated() {
            guard case .none = consumers[position].match, case .live(let groupID)? = consumers[position].groupReference else { continue }
            let twins = undeclaredByFields[consumer.fields.with(group: groupID).withoutName, default: []].filter {
                ExactName(live.consumers[$0].name) != ExactName(consumer.name)
            }
            guard twins.count == 1, let twin = twins.first.map({ live.consumers[$0] }) else { continue }
            diagnostics.append(.createLooksLikeRename(consumer.name, twin: twin, at: consumer.location(of: .name)))
        }
    }
}

extension ConsumerFields {
    /// The fields with the name left out: two consumers equal in these differ only by name.
    fileprivate var withoutName: Self {
        var fields = self
        fields.name = ""
        return fields
    }
}

extension Diagnostic {
    static func undeclaredLeftAlone(consumers: Int, groups: Int, at location: SourceLocation?) -> Self {
        let consumerText = consumers == 1 ? "1 live consumer" : "\(consumers) live consumers"
        let groupText = groups == 1 ? "1 live group" : "\(groups) live groups"
        return .note(
            "FRC226",
            "\(consumerText) and \(groupText) are declared by no file and left alone, since settings.prune is false; `plan --format json` lists them under `undeclared`",
            at: location)
    }

    static func createLooksLikeRename(_ name: String, twin: LiveConsumer, at location: SourceLocation) -> Self {
        let code: Code = "FRC225"
        // Canonically equal names look the same on screen: the way out is the key, not a name to retype.
        if twin.name == name {
            return .warning(
                code,
                "consumer \(DisplayText.quoted(name)) will be created, but the live consumer with key \(twin.key), which no file declares, has the same fields and a name that looks the same but is written with other Unicode code points; if it is the same consumer, add `key: \(twin.key)` to rename it in place and keep its secret",
                at: location)
        }
        return .warning(
            code,
            "consumer \(DisplayText.quoted(name)) will be created, but the live consumer \(DisplayText.quoted(twin.name)) (key \(twin.key)), which no file declares, differs from it only by name; if it is the same consumer renamed, add `previous_names: [\(twin.name)]` to rename it in place and keep its key and secret",
            at: location)
    }
}
