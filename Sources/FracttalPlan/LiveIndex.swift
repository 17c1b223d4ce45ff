import FracttalModel

/// The live state looked up by id, key and name, built once per plan so that no lookup scans a list.
struct LiveIndex {
    let groupsByID: [Int: LiveGroup]
    let groupsByName: [String: [LiveGroup]]
    let consumersByKey: [String: LiveConsumer]
    let consumersByName: [String: [LiveConsumer]]
    let catalog: Set<PermissionCode>
    let codesByModule: [String: [PermissionCode]]

    init(_ live: LiveState) {
        var groupsByID: [Int: LiveGroup] = [:]
        var groupsByName: [String: [LiveGroup]] = [:]
        for group in live.groups {
            groupsByID[group.id] = group
            groupsByName[group.name, default: []].append(group)
        }
        var consumersByKey: [String: LiveConsumer] = [:]
        var consumersByName: [String: [LiveConsumer]] = [:]
        for consumer in live.consumers {
            consumersByKey[consumer.key] = consumer
            consumersByName[consumer.name, default: []].append(consumer)
        }
        var codesByModule: [String: [PermissionCode]] = [:]
        for code in live.catalog.codes {
            codesByModule[code.module, default: []].append(code)
        }
        self.groupsByID = groupsByID
        self.groupsByName = groupsByName
        self.consumersByKey = consumersByKey
        self.consumersByName = consumersByName
        self.catalog = Set(live.catalog.codes)
        self.codesByModule = codesByModule
    }

    /// The name of the live group with this id, for display.
    func groupName(_ id: Int) -> String {
        groupsByID[id]?.name ?? "<unknown group id \(id)>"
    }
}
