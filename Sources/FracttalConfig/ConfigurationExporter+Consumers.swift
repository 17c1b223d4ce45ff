import FracttalModel

/// The live consumers an export declares.
struct ConsumerSelection {
    /// A consumer to declare.
    struct Item {
        /// The live consumer.
        var consumer: LiveConsumer
        /// The name of its permission group.
        var groupName: String
        /// Whether to write `key:`: other live consumers have its name, or every key was asked for (`withKeys`).
        var pinsKey: Bool
    }

    /// The consumers to declare, in live order.
    private(set) var declared: [Item] = []

    /// Chooses the consumers to declare; a note for each one left out, and one for each group name
    /// that declared consumers use and that several live groups share. With `withKeys`, every consumer
    /// whose key `key:` can hold is bound by it.
    init(_ live: LiveState, groups: GroupSelection, withKeys: Bool = false, notes: inout [String]) {
        var groupsByID: [Int: LiveGroup] = [:]
        for group in live.groups where groupsByID[group.id] == nil {
            groupsByID[group.id] = group
        }
        var nameCounts: [ExactName: Int] = [:]
        for consumer in live.consumers {
            nameCounts[ExactName(consumer.name), default: 0] += 1
        }
        var declaredKeyByName: [ExactName: String] = [:]
        var ambiguousOrder: [ExactName] = []
        var ambiguousUsers: [ExactName: [LiveConsumer]] = [:]
        for consumer in live.consumers {
            guard let group = groupsByID[consumer.permissionGroup] else {
                notes.append(ExportNote.consumerLeftOut(consumer, .missingGroup(id: consumer.permissionGroup)))
                continue
            }
            if let reason = Self.problem(consumer) {
                notes.append(ExportNote.consumerLeftOut(consumer, reason))
                continue
            }
            guard groups.writableNames.contains(group.id) else {
                notes.append(ExportNote.consumerLeftOut(consumer, .unwritableGroup(group)))
                continue
            }
            let exactName = ExactName(consumer.name)
            let mustPinKey = nameCounts[exactName, default: 0] > 1
            let keyWritable = NameRules.isConsumerKey(consumer.key)
            if mustPinKey, !keyWritable {
                notes.append(ExportNote.consumerLeftOut(consumer, .unpinnableKey(consumer.key)))
                continue
            }
            if let first = declaredKeyByName[exactName] {
                notes.append(ExportNote.consumerLeftOut(consumer, .consumerNameTaken(byKey: first)))
                continue
            }
            declaredKeyByName[exactName] = consumer.key
            let groupName = ExactName(group.name)
            if groups.sharedNames[groupName] != nil {
                if ambiguousUsers[groupName] == nil { ambiguousOrder.append(groupName) }
                ambiguousUsers[groupName, default: []].append(consumer)
            }
            if withKeys, !keyWritable { notes.append(ExportNote.keyNotWritten(consumer)) }
            declared.append(Item(consumer: consumer, groupName: group.name, pinsKey: mustPinKey || (withKeys && keyWritable)))
        }
        for name in ambiguousOrder {
            notes.append(ExportNote.ambiguousGroupReference(
                name: name.text, groupIDs: groups.sharedNames[name] ?? [], consumers: ambiguousUsers[name] ?? []))
        }
    }

    /// Why the consumer's own fields cannot be written, or nil.
    private static func problem(_ consumer: LiveConsumer) -> ExportNote.Reason? {
        if let reason = ExportCheck.name(consumer.name) ?? ExportCheck.description(consumer.description) {
            return reason
        }
        switch (consumer.grantType, consumer.redirectURI) {
        case (.clientCredentials, nil):
            return nil
        case (.clientCredentials, _?):
            return .redirectForbidden
        case (.authorizationCode, nil):
            return .redirectMissing
        case (.authorizationCode, let uri?):
            if ExportCheck.holdsInterpolation(uri) { return .interpolation(field: "redirect_uri") }
            return RedirectURI.problem(with: uri) == nil ? nil : .redirectRefused(uri)
        }
    }

    /// `consumers:` and one item per declared consumer.
    var body: String {
        ConfigurationExporter.list("consumers", items: declared.map(Self.item))
    }

    /// One consumer: every field that is required or differs from its default, in table order, then `key:`.
    private static func item(_ item: Item) -> [String] {
        let fields = item.consumer.fields.with(group: item.groupName)
        let defaults = ConsumerFields(name: "", permissionGroup: "")
        var lines: [String] = []
        for field in ConsumerField.allCases where field.isRequired || fields.differs(in: field, from: defaults) {
            let line = "\(field.key): \(YAMLScalar.render(fields.value(of: field)))"
            lines.append(lines.isEmpty ? "  - \(line)" : "    \(line)")
        }
        if item.pinsKey {
            lines.append("    key: \(YAMLScalar.render(item.consumer.key))")
        }
        return lines
    }
}
