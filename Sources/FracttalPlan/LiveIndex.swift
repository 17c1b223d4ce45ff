import FracttalModel

/// The live state looked up by id, key and name, built once per plan so that no lookup scans a list.
///
/// Consumers are kept as positions in `LiveState.consumers`, so the planner can mark them in plain arrays.
struct LiveIndex {
    let groupsByID: [Int: LiveGroup]
    let groupsByName: [String: [LiveGroup]]
    let catalog: Set<PermissionCode>
    let codesByModule: [String: [PermissionCode]]
    private let consumerByKey: [String: Int]
    /// The first consumer of each name; the rare further ones are in `moreConsumersByName`.
    private let firstConsumerByName: [String: Int]
    private let moreConsumersByName: [String: [Int]]

    init(_ live: LiveState) {
        var groupsByID: [Int: LiveGroup] = Dictionary(minimumCapacity: live.groups.count)
        var groupsByName: [String: [LiveGroup]] = Dictionary(minimumCapacity: live.groups.count)
        for group in live.groups {
            groupsByID[group.id] = group
            groupsByName[group.name, default: []].append(group)
        }
        var consumerByKey: [String: Int] = Dictionary(minimumCapacity: live.consumers.count)
        var firstConsumerByName: [String: Int] = Dictionary(minimumCapacity: live.consumers.count)
        var moreConsumersByName: [String: [Int]] = [:]
        for (position, consumer) in live.consumers.enumerated() {
            consumerByKey[consumer.key] = position
            if let earlier = firstConsumerByName.updateValue(position, forKey: consumer.name) {
                firstConsumerByName[consumer.name] = earlier  // the rare second of a name: keep the first
                moreConsumersByName[consumer.name, default: []].append(position)
            }
        }
        var codesByModule: [String: [PermissionCode]] = [:]
        for code in live.catalog.codes {
            codesByModule[code.module, default: []].append(code)
        }
        self.groupsByID = groupsByID
        self.groupsByName = groupsByName
        self.consumerByKey = consumerByKey
        self.firstConsumerByName = firstConsumerByName
        self.moreConsumersByName = moreConsumersByName
        self.catalog = Set(live.catalog.codes)
        self.codesByModule = codesByModule
    }

    /// The position of the live consumer with this key.
    func consumer(key: String) -> Int? { consumerByKey[key] }

    /// The positions of the live consumers of this name, in live order.
    func consumers(named name: String) -> [Int] {
        guard let first = firstConsumerByName[name] else { return [] }
        guard let more = moreConsumersByName[name] else { return [first] }
        return [first] + more
    }

    /// The name of the live group with this id, for display.
    func groupName(_ id: Int) -> String {
        groupsByID[id]?.name ?? "<unknown group id \(id)>"
    }
}
