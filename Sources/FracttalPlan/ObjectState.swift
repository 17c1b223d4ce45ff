import FracttalModel

/// An OAuth consumer as a plan shows it, in configuration field names; never with a secret.
///
/// Its fields (`name`, `hub`, the group's name as `permissionGroup`) read through `fields`.
@dynamicMemberLookup
public struct ConsumerState: Sendable, Hashable, Codable {
    /// The live key, or nil when the server has yet to issue one.
    public var key: String?
    /// The consumer's fields, with the permission group by name.
    public var fields: ConsumerFields<String>

    /// `key` is nil for a consumer the server has yet to create.
    public init(key: String?, fields: ConsumerFields<String>) {
        self.key = key
        self.fields = fields
    }

    /// One of `fields`, read as if it were the state's own.
    public subscript<Value>(dynamicMember path: KeyPath<ConsumerFields<String>, Value>) -> Value {
        fields[keyPath: path]
    }

    private static let keyKey = FieldKey("key")

    /// Decodes the JSON form of a saved plan; a field the plan predates takes its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FieldKey.self)
        self.init(key: try container.decodeIfPresent(String.self, forKey: Self.keyKey), fields: try ConsumerFields(from: container))
    }

    /// Encodes the JSON form of a saved plan, with explicit nulls.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        try container.encode(key, forKey: Self.keyKey)
        try fields.encode(to: &container)
    }
}

/// The `before` or `after` of an action: a group or a consumer.
public enum ObjectState: Sendable, Hashable, Encodable {
    /// A permission group.
    case group(GroupFields)
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
    public var group: GroupFields? {
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
        case .group: .group(try GroupFields(from: decoder))
        case .consumer: .consumer(try ConsumerState(from: decoder))
        }
    }
}
