import Foundation
import FracttalModel
import FracttalPlan
import Synchronization

/// What an apply has learnt so far: the ids and keys known to exist, and the ids of the groups it made.
///
/// Shared by the actions in flight; every method is synchronous, so its state sits behind a `Mutex`.
final class ApplyLedger: Sendable {
    private struct State {
        var groupIDs: Set<Int>
        var consumerKeys: Set<String>
        /// The known keys as last handed out. Creates in flight hold it, so it is never changed in place:
        /// a set they share would be copied whole on each change (quadratic over thousands of creates).
        var handedOutKeys: Set<String>
        /// Keys recorded since `handedOutKeys` was taken.
        var keysNotHandedOut = 0
        /// The id of each group created (or adopted) by this apply, by the name the plan gave it.
        var createdGroups: [String: Int] = [:]
        /// The keys of the consumers of each name, live before the apply or made by it.
        var keysByName: [ExactName: [String]] = [:]
    }

    private let state: Mutex<State>
    /// The most recently made keys a handed-out set may lack; a new one (a copy of every key) is made
    /// after this many. Fewer than a list page, so a look for a lost create still reads one or two pages.
    static let handedOutKeysLag = 32
    /// The consumer keys that were live before the apply.
    let liveConsumerKeys: Set<String>
    /// Group id by consumer key, as the live state had it.
    private let liveGroupOfConsumer: [String: Int]
    /// When each live consumer's secret was issued, as the live state had it.
    private let liveSecretCreatedAt: [String: Date]

    init(live: LiveState) {
        let keys = Set(live.consumers.map(\.key))
        var initial = State(groupIDs: Set(live.groups.map(\.id)), consumerKeys: keys, handedOutKeys: keys)
        for consumer in live.consumers { initial.keysByName[ExactName(consumer.name), default: []].append(consumer.key) }
        state = Mutex(initial)
        liveConsumerKeys = keys
        liveGroupOfConsumer = Dictionary(live.consumers.map { ($0.key, $0.permissionGroup) }, uniquingKeysWith: { first, _ in first })
        liveSecretCreatedAt = Dictionary(live.consumers.map { ($0.key, $0.secretCreatedAt) }, uniquingKeysWith: { first, _ in first })
    }

    /// The group ids known now: the live ones and those this apply made.
    var knownGroupIDs: Set<Int> { state.withLock { $0.groupIDs } }

    /// The consumer keys known now: the live ones and those this apply made, but for at most
    /// `handedOutKeysLag` made last. Those belong to other consumers of this apply, with other names
    /// (names are unique in a configuration), so they are never taken for the answer of a lost create.
    func knownConsumerKeys() -> Set<String> {
        state.withLock { state in
            if state.keysNotHandedOut >= Self.handedOutKeysLag {
                state.handedOutKeys = state.consumerKeys
                state.keysNotHandedOut = 0
            }
            return state.handedOutKeys
        }
    }

    /// Records a group this apply created or adopted.
    func recordGroup(named name: String, id: Int) {
        state.withLock { state in
            state.groupIDs.insert(id)
            state.createdGroups[name] = id
        }
    }

    /// Records a consumer this apply created or adopted under `name`.
    func recordConsumer(key: String, name: String) {
        state.withLock { state in
            if state.consumerKeys.insert(key).inserted {
                state.keysNotHandedOut += 1
                state.keysByName[ExactName(name), default: []].append(key)
            }
        }
    }

    /// The keys of the consumers named `name` known now: a create's mark records them before its call.
    func consumerKeys(named name: String) -> [String] { state.withLock { $0.keysByName[ExactName(name)] ?? [] } }

    /// When the secret of a live consumer was issued, as the live state had it.
    func secretCreatedAt(ofConsumer key: String) -> Date? { liveSecretCreatedAt[key] }

    /// The id of the group a consumer goes to; nil when a planned group was not made.
    func groupID(for reference: GroupReference) -> Int? {
        switch reference {
        case .live(let id): id
        case .planned(let name): state.withLock { $0.createdGroups[name] }
        }
    }

    /// The live group of a consumer, for a plan that recorded no group reference.
    func liveGroupID(ofConsumer key: String) -> Int? { liveGroupOfConsumer[key] }
}
