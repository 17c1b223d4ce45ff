import FracttalModel
import Synchronization

/// Remembers the permission group of the consumer the client authenticates as, to name it in 403 messages.
final class IdentityCache: Sendable {
    private let group = Mutex<String?>(nil)

    /// The group's name, once a live state told it.
    var groupName: String? { group.withLock { $0 } }

    /// Learns the group from a live state that holds the client's own consumer.
    func remember(_ state: LiveState, key: String) {
        guard let consumer = state.consumers.first(where: { $0.key == key }) else { return }
        let name = state.groups.first { $0.id == consumer.permissionGroup }?.name ?? "id \(consumer.permissionGroup)"
        group.withLock { $0 = name }
    }
}
