import FracttalModel

/// Gathers the declarations of every document in read order, and checks what spans documents:
/// one `settings` block, unique names per kind, and references to declared groups.
struct DeclarationCollector {
    /// The first `settings` block read.
    private(set) var settings: Settings?
    /// The groups read, unique by name.
    private(set) var groups: [DesiredGroup] = []
    /// The consumers read, unique by name.
    private(set) var consumers: [DesiredConsumer] = []
    private var groupNames: [ExactName: SourceLocation] = [:]
    private var consumerNames: [ExactName: SourceLocation] = [:]

    /// Where the first `settings` block was written, if any.
    var settingsLocation: SourceLocation? { settings?.location }

    /// Keeps the first settings block only; the caller reports a second one.
    mutating func set(_ settings: Settings) {
        if self.settings == nil { self.settings = settings }
    }

    /// Adds a group, or answers the error when its name is taken.
    mutating func add(_ group: DesiredGroup) -> Diagnostic? {
        let name = ExactName(text: group.name.value)
        if let first = groupNames[name] {
            return .duplicateName(.group, group.name.value, first: first, at: group.name.location)
        }
        groupNames[name] = group.name.location
        groups.append(group)
        return nil
    }

    /// Adds a consumer, or answers the error when its name is taken.
    mutating func add(_ consumer: DesiredConsumer) -> Diagnostic? {
        let name = ExactName(text: consumer.name.value)
        if let first = consumerNames[name] {
            return .duplicateName(.consumer, consumer.name.value, first: first, at: consumer.name.location)
        }
        consumerNames[name] = consumer.name.location
        consumers.append(consumer)
        return nil
    }

    /// A warning for each consumer whose group no file declares (it may exist live).
    func referenceWarnings() -> [Diagnostic] {
        var suggestions: [String: String?] = [:]
        var warnings: [Diagnostic] = []
        let declared = groups.map(\.name.value)
        for consumer in consumers where groupNames[ExactName(text: consumer.permissionGroup.value)] == nil {
            let name = consumer.permissionGroup.value
            let suggestion: String?
            if let known = suggestions[name] {
                suggestion = known
            } else {
                suggestion = Suggestion.nearest(to: name, among: declared)
                suggestions[name] = suggestion
            }
            warnings.append(.undeclaredGroup(name, suggestion: suggestion, at: consumer.permissionGroup.location))
        }
        return warnings
    }

    /// Everything read, as one desired state.
    var state: DesiredState {
        DesiredState(settings: settings ?? Settings(), groups: groups, consumers: consumers)
    }
}
