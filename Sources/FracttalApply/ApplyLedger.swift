import Foundation
import FracttalModel
import FracttalPlan

/// What an apply has learnt so far: the ids and keys known to exist, and the ids of the groups it made.
actor ApplyLedger {
    private var groupIDs: Set<Int>
    private var consumerKeys: Set<String>
    /// The known keys as last handed out. Creates in flight hold it, so it is never changed in place:
    /// a set they share would be copied whole on each change (quadratic over thousands of creates).
    private var handedOutKeys: Set<String>
    /// Keys recorded since `handedOutKeys` was taken.
    private var keysNotHandedOut = 0
    /// The most recently made keys a handed-out set may lack; a new one (a copy of every key) is made
    /// after this many. Fewer than a list page, so a look for a lost create still reads one or two pages.
    static let handedOutKeysLag = 32
    /// The consumer keys that were live before the apply.
    let liveConsumerKeys: Set<String>
    /// Group id by consumer key, as the live state had it.
    private let liveGroupOfConsumer: [String: Int]
    /// The id of each group created (or adopted) by this apply, by the name the plan gave it.
    private var createdGroups: [String: Int] = [:]
    /// The keys of the consumers of each name, live before the apply or made by it.
    private var keysByName: [ExactName: [String]] = [:]
    /// When each live consumer's secret was issued, as the live state had it.
    private let liveSecretCreatedAt: [String: Date]

    init(live: LiveState) {
        groupIDs = Set(live.groups.map(\.id))
        consumerKeys = Set(live.consumers.map(\.key))
        liveConsumerKeys = consumerKeys
        handedOutKeys = consumerKeys
        liveGroupOfConsumer = Dictionary(live.consumers.map { ($0.key, $0.groupID) }, uniquingKeysWith: { first, _ in first })
        liveSecretCreatedAt = Dictionary(live.consumers.map { ($0.key, $0.secretCreatedAt) }, uniquingKeysWith: { first, _ in first })
        for consumer in live.consumers { keysByName[ExactName(consumer.name), default: []].append(consumer.key) }
    }

    /// The group ids known now: the live ones and those this apply made.
    var knownGroupIDs: Set<Int> { groupIDs }
    /// The consumer keys known now: the live ones and those this apply made, but for at most
    /// `handedOutKeysLag` made last. Those belong to other consumers of this apply, with other names
    /// (names are unique in a configuration), so they are never taken for the answer of a lost create.
    func knownConsumerKeys() -> Set<String> {
        if keysNotHandedOut >= Self.handedOutKeysLag {
            handedOutKeys = consumerKeys
            keysNotHandedOut = 0
        }
        return handedOutKeys
    }

    /// Records a group this apply created or adopted.
    func recordGroup(named name: String, id: Int) {
        groupIDs.insert(id)
        createdGroups[name] = id
    }

    /// Records a consumer this apply created or adopted under `name`.
    func recordConsumer(key: String, name: String) {
        if consumerKeys.insert(key).inserted {
            keysNotHandedOut += 1
            keysByName[ExactName(name), default: []].append(key)
        }
    }

    /// The keys of the consumers named `name` known now: a create's mark records them before its call.
    func consumerKeys(named name: String) -> [String] { keysByName[ExactName(name)] ?? [] }

    /// When the secret of a live consumer was issued, as the live state had it.
    func secretCreatedAt(ofConsumer key: String) -> Date? { liveSecretCreatedAt[key] }

    /// The id of the group a consumer goes to; nil when a planned group was not made.
    func groupID(for reference: GroupReference) -> Int? {
        switch reference {
        case .live(let id): id
        case .planned(let name): createdGroups[name]
        }
    }

    /// The live group of a consumer, for a plan that recorded no group reference.
    func liveGroupID(ofConsumer key: String) -> Int? { liveGroupOfConsumer[key] }
}
