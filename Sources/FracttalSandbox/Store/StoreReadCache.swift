import Synchronization

/// The two reads every create makes, kept in memory: each caller's permissions (read for every `/api` call)
/// and which groups exist (read when a consumer body names one). A write that could change an answer
/// empties the cache once it has committed; a read that raced with such a write is not kept.
final class StoreReadCache: Sendable {
    private struct State {
        /// Bumped by every invalidation; a read made under an older generation is not kept.
        var generation: UInt64 = 0
        var permissions: [String: Set<String>] = [:]
        var existingGroups: Set<Int64> = []
    }

    /// The most callers remembered; past it the cache starts again (a sandbox has few callers).
    private static let callerLimit = 1_024

    private let state = Mutex(State())

    /// The generation to hand back with a read made now.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// The remembered permissions of the consumer with this key.
    func permissions(ofConsumer key: String) -> Set<String>? {
        state.withLock { $0.permissions[key] }
    }

    /// Remembers permissions read under `generation`, unless a write has invalidated them since.
    func remember(_ permissions: Set<String>, ofConsumer key: String, readUnder generation: UInt64) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.permissions.count >= Self.callerLimit { state.permissions.removeAll(keepingCapacity: true) }
            state.permissions[key] = permissions
        }
    }

    /// Whether the group is known to exist (an unknown one is read again).
    func groupExists(id: Int64) -> Bool {
        state.withLock { $0.existingGroups.contains(id) }
    }

    /// Remembers that a group existed under `generation`, unless a write has invalidated that since.
    func rememberGroup(id: Int64, readUnder generation: UInt64) {
        state.withLock { state in
            guard state.generation == generation else { return }
            state.existingGroups.insert(id)
        }
    }

    /// Forgets everything: called after a write that deletes or moves consumers, or changes or deletes groups.
    func invalidate() {
        state.withLock { state in
            state.generation &+= 1
            state.permissions.removeAll(keepingCapacity: true)
            state.existingGroups.removeAll(keepingCapacity: true)
        }
    }
}
