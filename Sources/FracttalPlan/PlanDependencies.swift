import FracttalModel

/// What a plan depends on besides the objects its actions act on (those carry their own fingerprints), saved
/// with it so that `apply --plan` refuses it only when something it relies on changed, and names that thing.
public struct PlanDependencies: Sendable, Hashable, Codable {
    /// A live group the plan does not act on but relies on: one its consumers go to, or the group of the
    /// consumer the plan was made as.
    public struct Group: Sendable, Hashable, Codable {
        /// `group["NAME"]`, by its live name.
        public var address: ResourceAddress
        /// Its server id.
        public var id: Int
        /// `Fingerprint.dependency(of:)` when the plan was made.
        public var fingerprint: String

        /// A group as the plan saw it.
        public init(address: ResourceAddress, id: Int, fingerprint: String) {
            self.address = address
            self.id = id
            self.fingerprint = fingerprint
        }

        private enum CodingKeys: String, CodingKey {
            case address, id, fingerprint
        }

        /// Decodes `{"address", "id", "fingerprint"}`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            address = try PlanDependencies.decodeAddress(.group, forKey: .address, in: container)
            id = try container.decode(Int.self, forKey: .id)
            fingerprint = try container.decode(String.self, forKey: .fingerprint)
        }

        /// Encodes `{"address", "id", "fingerprint"}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(address.description, forKey: .address)
            try container.encode(id, forKey: .id)
            try container.encode(fingerprint, forKey: .fingerprint)
        }
    }

    /// The consumer the plan was made as, when the plan does not act on it: its group decides what the
    /// tool may do, which the plan checked.
    public struct Consumer: Sendable, Hashable, Codable {
        /// `consumer["NAME"]`: the declared name, or the live one when no file declares it.
        public var address: ResourceAddress
        /// Its key.
        public var key: String
        /// `Fingerprint.dependency(of:)` when the plan was made.
        public var fingerprint: String

        /// A consumer as the plan saw it.
        public init(address: ResourceAddress, key: String, fingerprint: String) {
            self.address = address
            self.key = key
            self.fingerprint = fingerprint
        }

        private enum CodingKeys: String, CodingKey {
            case address, key, fingerprint
        }

        /// Decodes `{"address", "key", "fingerprint"}`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            address = try PlanDependencies.decodeAddress(.consumer, forKey: .address, in: container)
            key = try container.decode(String.self, forKey: .key)
            fingerprint = try container.decode(String.self, forKey: .fingerprint)
        }

        /// Encodes `{"address", "key", "fingerprint"}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(address.description, forKey: .address)
            try container.encode(key, forKey: .key)
            try container.encode(fingerprint, forKey: .fingerprint)
        }
    }

    /// Groups relied on but not acted on, by id.
    public var groups: [Group]
    /// The consumer the plan was made as, when live and not acted on.
    public var consumers: [Consumer]
    /// `Fingerprint.of(catalog:)` when the plan creates or updates a group (its codes come from the catalog); else nil.
    public var catalog: String?
    /// With `settings.prune`: the key of every live consumer when the plan was made, sorted; else nil.
    /// A consumer that appears since may be one a new plan deletes, and the count is what `max_delete_percent` divides by.
    public var liveConsumerKeys: [String]?
    /// With `settings.prune`: the id of every live group when the plan was made, sorted; else nil.
    public var liveGroupIDs: [Int]?

    /// Dependencies as given.
    public init(
        groups: [Group] = [], consumers: [Consumer] = [], catalog: String? = nil, liveConsumerKeys: [String]? = nil,
        liveGroupIDs: [Int]? = nil
    ) {
        self.groups = groups
        self.consumers = consumers
        self.catalog = catalog
        self.liveConsumerKeys = liveConsumerKeys
        self.liveGroupIDs = liveGroupIDs
    }

    private enum CodingKeys: String, CodingKey {
        case groups, consumers, catalog
        case liveConsumerKeys = "live_consumer_keys"
        case liveGroupIDs = "live_group_ids"
    }

    /// Decodes the JSON form that `encode(to:)` writes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        groups = try container.decodeIfPresent([Group].self, forKey: .groups) ?? []
        consumers = try container.decodeIfPresent([Consumer].self, forKey: .consumers) ?? []
        catalog = try container.decodeIfPresent(String.self, forKey: .catalog)
        liveConsumerKeys = try container.decodeIfPresent([String].self, forKey: .liveConsumerKeys)
        liveGroupIDs = try container.decodeIfPresent([Int].self, forKey: .liveGroupIDs)
    }

    /// Encodes every member, with explicit nulls.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(groups, forKey: .groups)
        try container.encode(consumers, forKey: .consumers)
        try container.encode(catalog, forKey: .catalog)
        try container.encode(liveConsumerKeys, forKey: .liveConsumerKeys)
        try container.encode(liveGroupIDs, forKey: .liveGroupIDs)
    }

    fileprivate static func decodeAddress<Key: CodingKey>(
        _ kind: ResourceKind, forKey key: Key, in container: KeyedDecodingContainer<Key>
    ) throws -> ResourceAddress {
        let text = try container.decode(String.self, forKey: key)
        guard let address = ResourceAddress(parsing: text), address.kind == kind else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "`\(text)` is not a \(kind.rawValue) address")
        }
        return address
    }
}

extension PlanBuilder {
    /// What the plan's actions rely on without acting on it: the live groups their consumers go to, the
    /// consumer the plan is made as and its group, the catalog when groups are written, and with `prune` the
    /// live objects (see `PlanStaleness`).
    func dependencies(of actions: [PlanAction]) -> PlanDependencies {
        let actedOnIDs = Set(actions.compactMap(\.liveID))
        let actedOnKeys = Set(actions.compactMap { $0.liveKey.map(ExactName.init) })
        var groupIDs: Set<Int> = []
        for action in actions {
            if case .live(let id)? = action.groupRef, !actedOnIDs.contains(id) { groupIDs.insert(id) }
        }
        var consumers: [PlanDependencies.Consumer] = []
        if let own, !actions.isEmpty {
            if !actedOnIDs.contains(own.permissionGroup) { groupIDs.insert(own.permissionGroup) }
            if !actedOnKeys.contains(ExactName(own.key)), let position = index.consumer(key: own.key) {
                let name = liveConsumers[position].declaration.map { desired.consumers[$0].name } ?? own.name
                consumers.append(.init(address: ResourceAddress(.consumer, name), key: own.key, fingerprint: Fingerprint.dependency(of: own)))
            }
        }
        let groups = groupIDs.sorted().compactMap { id in
            index.groupsByID[id].map { PlanDependencies.Group(address: ResourceAddress(.group, $0.name), id: id, fingerprint: Fingerprint.dependency(of: $0)) }
        }
        let writesGroups = actions.contains { $0.kind == .group && ($0.action == .create || $0.action == .update) }
        let prunes = desired.settings.prunes
        return PlanDependencies(
            groups: groups, consumers: consumers, catalog: writesGroups ? Fingerprint.of(catalog: live.catalog) : nil,
            liveConsumerKeys: prunes ? live.consumers.map(\.key).sorted() : nil,
            liveGroupIDs: prunes ? live.groups.map(\.id).sorted() : nil)
    }
}
