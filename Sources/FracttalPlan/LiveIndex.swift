import FracttalModel

/// The live state looked up by id, key and name, built once per plan so that no lookup scans a list.
///
/// Names and keys compare exactly (`ExactName`), as the server compares them: a live "Jose\u{301}"
/// is not found under "Jos\u{E9}". Consumers are kept as positions in `LiveState.consumers`, so the
/// planner can mark them in plain arrays.
struct LiveIndex {
    let groupsByID: [Int: LiveGroup]
    let catalog: Set<PermissionCode>
    let codesByModule: [String: [PermissionCode]]
    private let groupsByName: [ExactName: [LiveGroup]]
    private let consumerByKey: [ExactName: Int]
    /// The first consumer of each name; the rare further ones are in `moreConsumersByName`.
    private let firstConsumerByName: [ExactName: Int]
    private let moreConsumersByName: [ExactName: [Int]]

    init(_ live: LiveState) {
        var groupsByID: [Int: LiveGroup] = Dictionary(minimumCapacity: live.groups.count)
        var groupsByName: [ExactName: [LiveGroup]] = Dictionary(minimumCapacity: live.groups.count)
        for group in live.groups {
            groupsByID[group.id] = group
            groupsByName[ExactName(group.name), default: []].append(group)
        }
        var consumerByKey: [ExactName: Int] = Dictionary(minimumCapacity: live.consumers.count)
        var firstConsumerByName: [ExactName: Int] = Dictionary(minimumCapacity: live.consumers.count)
        var moreConsumersByName: [ExactName: [Int]] = [:]
        for (position, consumer) in live.consumers.enumerated() {
            consumerByKey[ExactName(consumer.key)] = position
            let name = ExactName(consumer.name)
            if let earlier = firstConsumerByName.updateValue(position, forKey: name) {
                firstConsumerByName[name] = earlier  // the rare second of a name: keep the first
                moreConsumersByName[name, default: []].append(position)
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

    /// The position of the live consumer with exactly this key.
    func consumer(key: String) -> Int? { consumerByKey[ExactName(key)] }

    /// The positions of the live consumers of exactly this name, in live order.
    func consumers(named name: String) -> [Int] {
        let name = ExactName(name)
        guard let first = firstConsumerByName[name] else { return [] }
        guard let more = moreConsumersByName[name] else { return [first] }
        return [first] + more
    }

    /// The live groups of exactly this name, in live order.
    func groups(named name: String) -> [LiveGroup] {
        groupsByName[ExactName(name)] ?? []
    }

    /// Every live group name, once per exact name, for "did you mean" hints.
    var groupNames: [String] { groupsByName.keys.map(\.text) }

    /// The name of the live group with this id, for display.
    func groupName(_ id: Int) -> String {
        groupsByID[id]?.name ?? "<unknown group id \(id)>"
    }
}
