import FracttalModel
import FracttalPlan

/// What an apply has learnt so far: the ids and keys known to exist, and the ids of the groups it made.
actor ApplyLedger {
    private var groupIDs: Set<Int>
    private var consumerKeys: Set<String>
    /// The consumer keys that were live before the apply.
    let liveConsumerKeys: Set<String>
    /// Group id by consumer key, as the live state had it.
    private let liveGroupOfConsumer: [String: Int]
    /// The id of each group created (or adopted) by this apply, by the name the plan gave it.
    private var createdGroups: [String: Int] = [:]

    init(live: LiveState) {
        groupIDs = Set(live.groups.map(\.id))
        consumerKeys = Set(live.consumers.map(\.key))
        liveConsumerKeys = consumerKeys
        liveGroupOfConsumer = Dictionary(live.consumers.map { ($0.key, $0.groupID) }, uniquingKeysWith: { first, _ in first })
    }

    /// The group ids known now: the live ones and those this apply made.
    var knownGroupIDs: Set<Int> { groupIDs }
    /// The consumer keys known now: the live ones and those this apply made.
    var knownConsumerKeys: Set<String> { consumerKeys }

    /// Records a group this apply created or adopted.
    func recordGroup(named name: String, id: Int) {
        groupIDs.insert(id)
        createdGroups[name] = id
    }

    /// Records a consumer this apply created or adopted.
    func recordConsumer(key: String) {
        consumerKeys.insert(key)
    }

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
