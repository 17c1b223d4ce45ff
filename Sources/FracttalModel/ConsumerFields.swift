/// The fields of an OAuth consumer that a declaration states and the server keeps, each spelled once.
///
/// This file is the consumer's field table: the stored values here, and in `ConsumerField` every other
/// spelling of each (configuration and plan key, API name, whether a change needs a new consumer). The
/// declaration, the live consumer, the plan's state and what a create or update sends all hold one of these,
/// and the planner, the fingerprints, adoption and the renderers go through the table rather than naming
/// fields. `Group` is how the permission group is named: its name in declarations and plans, its id on the
/// server, or the planner's resolved reference.
public struct ConsumerFields<Group: Hashable & Sendable>: Hashable, Sendable {
    /// The name; not unique on the server.
    public var name: String
    /// The description, or nil.
    public var description: String?
    /// The grant type; the server cannot change it after creation.
    public var grantType: GrantType
    /// The permission group, by name or id as `Group` says.
    public var permissionGroup: Group
    /// The redirect URI, or nil; authorization code only.
    public var redirectURI: String?
    /// The "Activate Fracttal Hub (Middleware)" switch.
    public var hub: Bool

    /// Every optional field defaults to what the configuration language gives an omitted key.
    public init(
        name: String, description: String? = nil, grantType: GrantType = .clientCredentials, permissionGroup: Group,
        redirectURI: String? = nil, hub: Bool = false
    ) {
        self.name = name
        self.description = description
        self.grantType = grantType
        self.permissionGroup = permissionGroup
        self.redirectURI = redirectURI
        self.hub = hub
    }

    /// The same fields with the permission group named another way.
    public func with<Other>(group: Other) -> ConsumerFields<Other> {
        ConsumerFields<Other>(
            name: name, description: description, grantType: grantType, permissionGroup: group,
            redirectURI: redirectURI, hub: hub)
    }
}

/// Where each field of a consumer's declaration was written: one place per case of `ConsumerField`.
public typealias ConsumerFieldLocations = FieldLocations<ConsumerField, 6>

/// One field of an OAuth consumer, in the order the configuration language lists them.
public enum ConsumerField: Int, CaseIterable, Sendable {
    case name, description, grantType, permissionGroup, redirectURI, hub

    /// The key in configuration files and saved plans, and the field's label in plan output.
    public var key: String {
        switch self {
        case .name: "name"
        case .description: "description"
        case .grantType: "grant_type"
        case .permissionGroup: "permission_group"
        case .redirectURI: "redirect_uri"
        case .hub: "hub"
        }
    }

    /// The property's name in the API's JSON.
    public var apiName: String {
        switch self {
        case .name: "name"
        case .description: "description"
        case .grantType: "grant_type"
        case .permissionGroup: "id_group_permission"
        case .redirectURI: "redirect_uri"
        case .hub: "hub_enabled"
        }
    }

    /// Whether every declaration must state it; the others have a default.
    public var isRequired: Bool { self == .name || self == .permissionGroup }

    /// Whether a change needs a new consumer (deleted and created again), because the server cannot change it in place.
    public var forcesReplacement: Bool { self == .grantType }

    /// The keys a declaration may hold beside the fields: how it binds to a live consumer and when its secret rotates.
    public static let declarationKeys = ["key", "previous_names", "rotate_secret_before", "max_secret_age"]
}

extension ConsumerFields: FieldTable {
    /// Whether one field differs; names compare scalar by scalar, as the server compares them.
    public func differs(in field: ConsumerField, from other: Self) -> Bool {
        switch field {
        case .name: ExactName(name) != ExactName(other.name)
        case .description: description != other.description
        case .grantType: grantType != other.grantType
        case .permissionGroup: permissionGroup != other.permissionGroup
        case .redirectURI: redirectURI != other.redirectURI
        case .hub: hub != other.hub
        }
    }
}

extension ConsumerFields where Group: FieldValueConvertible {
    /// One field's value, for fingerprints and plan output.
    public func value(of field: ConsumerField) -> FieldValue {
        switch field {
        case .name: .text(name)
        case .description: .optionalText(description)
        case .grantType: .text(grantType.rawValue)
        case .permissionGroup: permissionGroup.fieldValue
        case .redirectURI: .optionalText(redirectURI)
        case .hub: .flag(hub)
        }
    }
}

extension ConsumerFields where Group: Codable {
    /// Writes every field under its table key, nulls included.
    public func encode(to container: inout KeyedEncodingContainer<FieldKey>) throws {
        for field in ConsumerField.allCases {
            let key = FieldKey(field.key)
            switch field {
            case .name: try container.encode(name, forKey: key)
            case .description: try container.encode(description, forKey: key)
            case .grantType: try container.encode(grantType, forKey: key)
            case .permissionGroup: try container.encode(permissionGroup, forKey: key)
            case .redirectURI: try container.encode(redirectURI, forKey: key)
            case .hub: try container.encode(hub, forKey: key)
            }
        }
    }

    /// Reads the fields from their table keys; a missing optional one takes its default, so that plans
    /// saved before a field existed still read.
    public init(from container: KeyedDecodingContainer<FieldKey>) throws {
        let defaults = ConsumerFields<Group?>(name: "", permissionGroup: nil)
        self.init(
            name: try container.decode(String.self, forKey: FieldKey(ConsumerField.name.key)),
            description: try container.decodeIfPresent(String.self, forKey: FieldKey(ConsumerField.description.key)),
            grantType: try container.decodeIfPresent(GrantType.self, forKey: FieldKey(ConsumerField.grantType.key))
                ?? defaults.grantType,
            permissionGroup: try container.decode(Group.self, forKey: FieldKey(ConsumerField.permissionGroup.key)),
            redirectURI: try container.decodeIfPresent(String.self, forKey: FieldKey(ConsumerField.redirectURI.key)),
            hub: try container.decodeIfPresent(Bool.self, forKey: FieldKey(ConsumerField.hub.key)) ?? defaults.hub)
    }
}

/// A coding key spelled by a field table.
public struct FieldKey: CodingKey, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }

    /// The key with this spelling.
    public init(_ stringValue: String) {
        self.stringValue = stringValue
    }

    public init?(stringValue: String) {
        self.stringValue = stringValue
    }

    public init?(intValue: Int) {
        nil
    }
}
