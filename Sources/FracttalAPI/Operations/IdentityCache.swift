import FracttalModel

/// Remembers the permission group of the consumer the client authenticates as, to name it in 403 messages.
actor IdentityCache {
    private(set) var groupName: String?

    /// Learns the group from a live state that holds the client's own consumer.
    func remember(_ state: LiveState, key: String) {
        guard let consumer = state.consumers.first(where: { $0.key == key }) else { return }
        groupName = state.groups.first { $0.id == consumer.groupID }?.name ?? "id \(consumer.groupID)"
    }
}
