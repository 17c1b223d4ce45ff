import FracttalModel

/// Gathers the declarations of every document in read order, and checks what spans documents:
/// one `settings` block, unique names per kind (compared exactly, see `ExactName`), names that only look
/// alike, and references to declared groups.
struct DeclarationCollector {
    /// The first `settings` block read.
    private(set) var settings: Settings?
    /// The groups read, unique by name.
    private(set) var groups: [DesiredGroup] = []
    /// The consumers read, unique by name.
    private(set) var consumers: [DesiredConsumer] = []
    private var groupNames: [ExactName: SourceLocation] = [:]
    private var consumerNames: [ExactName: SourceLocation] = [:]
    /// The position in `groups` or `consumers` of the first name of each kind that people would read
    /// alike, keyed by Swift's `String`, whose equality is canonical equivalence: the one place where
    /// that equivalence is wanted.
    private var groupLookalikes: [String: Int] = [:]
    private var consumerLookalikes: [String: Int] = [:]

    /// Where the first `settings` block was written, if any.
    var settingsLocation: SourceLocation? { settings?.location }

    /// Keeps the first settings block only; the caller reports a second one.
    mutating func set(_ settings: Settings) {
        if self.settings == nil { self.settings = settings }
    }

    /// Makes room for `groups` more groups and `consumers` more consumers, so that the lists and their
    /// name indexes are not copied again and again as a large file fills them (at least doubling, so
    /// that many small files cost no more).
    mutating func reserve(groups: Int, consumers: Int) {
        Self.reserve(&self.groups, more: groups)
        Self.reserve(&self.consumers, more: consumers)
        Self.reserve(&groupNames, more: groups)
        Self.reserve(&consumerNames, more: consumers)
        Self.reserve(&groupLookalikes, more: groups)
        Self.reserve(&consumerLookalikes, more: consumers)
    }

    private static func reserve<Element>(_ list: inout [Element], more: Int) {
        let needed = list.count + more
        if needed > list.capacity { list.reserveCapacity(max(needed, 2 * list.capacity)) }
    }

    private static func reserve<Key, Value>(_ index: inout [Key: Value], more: Int) {
        let needed = index.count + more
        if needed > index.capacity { index.reserveCapacity(max(needed, 2 * index.capacity)) }
    }

    /// Adds a group; answers the error when its name is taken, or the warning when it looks like a name taken.
    mutating func add(_ group: DesiredGroup) -> Diagnostic? {
        let name = ExactName(group.name.value)
        if let first = groupNames[name] {
            return .duplicateName(.group, group.name.value, first: first, at: group.name.location)
        }
        groupNames[name] = group.name.location
        groups.append(group)
        return Self.lookalike(.group, group.name, among: &groupLookalikes, names: groups.lazy.map(\.name))
    }

    /// Adds a consumer; answers the error when its name is taken, or the warning when it looks like a name taken.
    mutating func add(_ consumer: DesiredConsumer) -> Diagnostic? {
        let name = ExactName(consumer.name)
        let location = consumer.location(of: .name)
        if let first = consumerNames[name] {
            return .duplicateName(.consumer, consumer.name, first: first, at: location)
        }
        consumerNames[name] = location
        consumers.append(consumer)
        return Self.lookalike(
            .consumer, Located(consumer.name, at: location), among: &consumerLookalikes,
            names: consumers.lazy.map { Located($0.name, at: $0.location(of: .name)) })
    }

    /// The warning for a new name, the last of `names`, that is canonically equivalent to an earlier,
    /// different one of its kind.
    private static func lookalike(
        _ kind: ResourceKind, _ name: Located<String>, among firsts: inout [String: Int], names: some RandomAccessCollection<Located<String>>
    ) -> Diagnostic? {
        guard let position = firsts[name.value] else {
            firsts[name.value] = names.count - 1
            return nil
        }
        let first = names[names.index(names.startIndex, offsetBy: position)]
        return .lookalikeName(kind, name.value, first: first.value, firstLocation: first.location, at: name.location)
    }

    /// A warning for each consumer whose group no file declares (it may exist live).
    func referenceWarnings() -> [Diagnostic] {
        var suggestions: [ExactName: String?] = [:]
        var warnings: [Diagnostic] = []
        let declared = groups.map(\.name.value)
        for consumer in consumers where groupNames[ExactName(consumer.permissionGroup)] == nil {
            let name = consumer.permissionGroup
            if let position = groupLookalikes[name] {
                let lookalike = groups[position].name
                warnings.append(.lookalikeGroupReference(
                    name, declared: lookalike.value, declaredAt: lookalike.location, at: consumer.location(of: .permissionGroup)))
                continue
            }
            let suggestion: String?
            if let known = suggestions[ExactName(name)] {
                suggestion = known
            } else {
                suggestion = Suggestion.nearest(to: name, among: declared)
                suggestions[ExactName(name)] = suggestion
            }
            warnings.append(.undeclaredGroup(name, suggestion: suggestion, at: consumer.location(of: .permissionGroup)))
        }
        return warnings
    }

    /// What has been collected at one moment, to go back to.
    struct Checkpoint {
        fileprivate var settings: Settings?
        fileprivate var groups: Int
        fileprivate var consumers: Int
    }

    /// The collection as it stands.
    var checkpoint: Checkpoint {
        Checkpoint(settings: settings, groups: groups.count, consumers: consumers.count)
    }

    /// Forgets everything added since a checkpoint: the declarations of a part of a file that turns
    /// out not to be read after all.
    mutating func rollBack(to checkpoint: Checkpoint) {
        settings = checkpoint.settings
        for (position, group) in groups.enumerated().dropFirst(checkpoint.groups) {
            groupNames[ExactName(group.name.value)] = nil
            if groupLookalikes[group.name.value] == position { groupLookalikes[group.name.value] = nil }
        }
        groups.removeSubrange(checkpoint.groups...)
        for (position, consumer) in consumers.enumerated().dropFirst(checkpoint.consumers) {
            consumerNames[ExactName(consumer.name)] = nil
            if consumerLookalikes[consumer.name] == position { consumerLookalikes[consumer.name] = nil }
        }
        consumers.removeSubrange(checkpoint.consumers...)
    }

    /// Everything read, as one desired state.
    var state: DesiredState {
        DesiredState(settings: settings ?? Settings(), groups: groups, consumers: consumers)
    }
}
