import FracttalModel

/// A permission group as a plan shows it, in configuration field names.
public struct GroupState: Sendable, Hashable, Codable {
    /// The name.
    public var name: String
    /// The description, or nil.
    public var description: String?
    /// The granted codes, sorted.
    public var permissions: [PermissionCode]

    /// Creates a group state; the permissions are sorted.
    public init(name: String, description: String?, permissions: some Sequence<PermissionCode>) {
        self.name = name
        self.description = description
        self.permissions = permissions.sorted()
    }

    private enum CodingKeys: String, CodingKey {
        case name, description, permissions
    }

    /// Encodes the JSON form of a saved plan, with explicit nulls.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(description, forKey: .description)  // an explicit null, not an omitted key
        try container.encode(permissions, forKey: .permissions)
    }
}

/// An OAuth consumer as a plan shows it, in configuration field names; never with a secret.
public struct ConsumerState: Sendable, Hashable, Codable {
    /// The live key, or nil when the server has yet to issue one.
    public var key: String?
    /// The name.
    public var name: String
    /// The description, or nil.
    public var description: String?
    /// The grant type.
    public var grantType: GrantType
    /// The name of the permission group.
    public var permissionGroup: String
    /// The redirect URI, or nil.
    public var redirectURI: String?
    /// The "Activate Fracttal Hub (Middleware)" switch.
    public var hub: Bool

    /// `key` is nil for a consumer the server has yet to create; `permissionGroup` is a name, never an id.
    public init(
        key: String?, name: String, description: String?, grantType: GrantType,
        permissionGroup: String, redirectURI: String?, hub: Bool
    ) {
        self.key = key
        self.name = name
        self.description = description
        self.grantType = grantType
        self.permissionGroup = permissionGroup
        self.redirectURI = redirectURI
        self.hub = hub
    }

    private enum CodingKeys: String, CodingKey {
        case key, name, description, hub
        case grantType = "grant_type"
        case permissionGroup = "permission_group"
        case redirectURI = "redirect_uri"
    }

    /// Encodes the JSON form of a saved plan, with explicit nulls.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(name, forKey: .name)
        try container.encode(description, forKey: .description)
        try container.encode(grantType, forKey: .grantType)
        try container.encode(permissionGroup, forKey: .permissionGroup)
        try container.encode(redirectURI, forKey: .redirectURI)
        try container.encode(hub, forKey: .hub)
    }
}

/// The `before` or `after` of an action: a group or a consumer.
public enum ObjectState: Sendable, Hashable, Encodable {
    /// A permission group.
    case group(GroupState)
    /// An OAuth consumer.
    case consumer(ConsumerState)

    /// The object's name.
    public var name: String {
        switch self {
        case .group(let group): group.name
        case .consumer(let consumer): consumer.name
        }
    }

    /// The group, when this is one.
    public var group: GroupState? {
        if case .group(let group) = self { return group }
        return nil
    }

    /// The consumer, when this is one.
    public var consumer: ConsumerState? {
        if case .consumer(let consumer) = self { return consumer }
        return nil
    }

    /// Encodes the group or consumer object itself, with no wrapper.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .group(let group): try group.encode(to: encoder)
        case .consumer(let consumer): try consumer.encode(to: encoder)
        }
    }

    /// Decodes the state of an object of the given kind.
    static func decode(_ kind: ResourceKind, from decoder: any Decoder) throws -> ObjectState {
        switch kind {
        case .group: .group(try GroupState(from: decoder))
        case .consumer: .consumer(try ConsumerState(from: decoder))
        }
    }
}
