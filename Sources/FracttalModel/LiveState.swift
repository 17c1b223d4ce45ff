import Foundation

/// What a Fracttal company holds right now, as read through the API.
public struct LiveState: Sendable, Equatable {
    /// Every permission group, in ascending id order.
    public var groups: [LiveGroup]
    /// Every OAuth consumer, in creation order.
    public var consumers: [LiveConsumer]
    /// The permission catalog.
    public var catalog: PermissionCatalog

    /// Every part defaults to empty: a company with no groups, no consumers and no known catalog.
    public init(groups: [LiveGroup] = [], consumers: [LiveConsumer] = [], catalog: PermissionCatalog = PermissionCatalog()) {
        self.groups = groups
        self.consumers = consumers
        self.catalog = catalog
    }
}

/// A permission group as the server holds it.
public struct LiveGroup: Sendable, Hashable {
    /// The server's id.
    public var id: Int
    /// The name; not unique on the server.
    public var name: String
    /// The description, or nil.
    public var description: String?
    /// The catalog codes the group grants.
    public var permissions: Set<PermissionCode>
    /// Whether this is the company's default group, which cannot be deleted.
    public var isDefault: Bool
    /// How many user accounts are assigned to the group.
    public var accountsCount: Int
    /// When the group was created.
    public var createdAt: Date?
    /// When the group was last changed.
    public var updatedAt: Date?

    /// The defaults describe an ordinary group: not the default one, no accounts, no permissions, no timestamps.
    public init(
        id: Int, name: String, description: String? = nil, permissions: Set<PermissionCode> = [],
        isDefault: Bool = false, accountsCount: Int = 0, createdAt: Date? = nil, updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.permissions = permissions
        self.isDefault = isDefault
        self.accountsCount = accountsCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// What a declaration can state of the group.
    public var fields: GroupFields {
        GroupFields(name: name, description: description, permissions: permissions)
    }
}

/// An OAuth consumer as the server holds it; never with its secret.
///
/// Its fields (`name`, `hub`, and the group's id as `permissionGroup`) read through `fields`.
@dynamicMemberLookup
public struct LiveConsumer: Sendable, Hashable {
    /// The server-made key: the consumer's identity and OAuth client id.
    public var key: String
    /// What a declaration can state, with the permission group by id.
    public var fields: ConsumerFields<Int>
    /// When the current secret was issued.
    public var secretCreatedAt: Date
    /// When the consumer was created.
    public var createdAt: Date?
    /// When the consumer was last changed.
    public var updatedAt: Date?

    /// The timestamps but the secret's default to unknown.
    public init(key: String, fields: ConsumerFields<Int>, secretCreatedAt: Date, createdAt: Date? = nil, updatedAt: Date? = nil) {
        self.key = key
        self.fields = fields
        self.secretCreatedAt = secretCreatedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// One of `fields`, read or set as if it were the consumer's own.
    public subscript<Value>(dynamicMember path: WritableKeyPath<ConsumerFields<Int>, Value>) -> Value {
        get { fields[keyPath: path] }
        set { fields[keyPath: path] = newValue }
    }
}

/// The permissions a company's server knows.
public struct PermissionCatalog: Sendable, Equatable {
    /// Every code, in the server's order.
    public var codes: [PermissionCode]

    /// Keeps the codes in the order given, which should be the server's.
    public init(codes: [PermissionCode] = []) {
        self.codes = codes
    }

    /// Whether the catalog holds this code.
    public func contains(_ code: PermissionCode) -> Bool { codes.contains(code) }

    /// Every code of a module, for `module:*`.
    public func codes(inModule module: String) -> [PermissionCode] {
        codes.filter { $0.module == module }
    }
}
