/// The fields of a permission group that a declaration states and the server keeps, each spelled once.
///
/// This file is the group's field table, as `ConsumerFields.swift` is the consumer's. A plan's state of a
/// group and what a create or update sends are both one of these.
public struct GroupFields: Sendable, Hashable {
    /// The name; not unique on the server.
    public var name: String
    /// The description, or nil.
    public var description: String?
    /// The granted codes, sorted.
    public var permissions: [PermissionCode]

    /// Creates group fields; the permissions are sorted.
    public init(name: String, description: String? = nil, permissions: some Sequence<PermissionCode>) {
        self.name = name
        self.description = description
        self.permissions = permissions.sorted()
    }
}

/// One field of a permission group, in the order the configuration language lists them.
public enum GroupField: Int, CaseIterable, Sendable {
    case name, description, permissions

    /// The key in configuration files and saved plans, and the field's label in plan output.
    public var key: String {
        switch self {
        case .name: "name"
        case .description: "description"
        case .permissions: "permissions"
        }
    }

    /// The property's name in the API's JSON.
    public var apiName: String { key }

    /// The keys a declaration may hold beside the fields: the names the live group may still carry.
    public static let declarationKeys = ["previous_names"]
}

extension GroupFields: FieldTable {
    /// Whether one field differs; names compare scalar by scalar, as the server compares them.
    public func differs(in field: GroupField, from other: Self) -> Bool {
        switch field {
        case .name: ExactName(name) != ExactName(other.name)
        case .description: description != other.description
        case .permissions: permissions != other.permissions
        }
    }

    /// One field's value, for fingerprints and plan output.
    public func value(of field: GroupField) -> FieldValue {
        switch field {
        case .name: .text(name)
        case .description: .optionalText(description)
        case .permissions: .list(permissions.map(\.description))
        }
    }
}

extension GroupFields: Codable {
    /// Writes every field under its table key, nulls included.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        for field in GroupField.allCases {
            let key = FieldKey(field.key)
            switch field {
            case .name: try container.encode(name, forKey: key)
            case .description: try container.encode(description, forKey: key)
            case .permissions: try container.encode(permissions, forKey: key)
            }
        }
    }

    /// Reads the fields from their table keys; a missing description is null.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FieldKey.self)
        self.init(
            name: try container.decode(String.self, forKey: FieldKey(GroupField.name.key)),
            description: try container.decodeIfPresent(String.self, forKey: FieldKey(GroupField.description.key)),
            permissions: try container.decode([PermissionCode].self, forKey: FieldKey(GroupField.permissions.key)))
    }
}
