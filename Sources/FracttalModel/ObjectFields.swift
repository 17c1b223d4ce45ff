/// The fields of a permission group that a create or a whole replacement sends.
public struct GroupFields: Sendable, Hashable, Codable {
    /// The name.
    public var name: String
    /// The description, or nil.
    public var description: String?
    /// The codes the group grants.
    public var permissions: [PermissionCode]

    /// Creates group fields.
    public init(name: String, description: String?, permissions: [PermissionCode]) {
        self.name = name
        self.description = description
        self.permissions = permissions
    }
}

/// The fields of an OAuth consumer that a create or a whole replacement sends.
public struct ConsumerFields: Sendable, Hashable, Codable {
    /// The name.
    public var name: String
    /// The description, or nil.
    public var description: String?
    /// The grant type; the server refuses to change it after creation.
    public var grantType: GrantType
    /// The id of an existing permission group.
    public var groupID: Int
    /// The redirect URI, or nil.
    public var redirectURI: String?
    /// The "Activate Fracttal Hub (Middleware)" switch.
    public var hubEnabled: Bool

    /// Creates consumer fields.
    public init(name: String, description: String?, grantType: GrantType, groupID: Int, redirectURI: String?, hubEnabled: Bool) {
        self.name = name
        self.description = description
        self.grantType = grantType
        self.groupID = groupID
        self.redirectURI = redirectURI
        self.hubEnabled = hubEnabled
    }
}

/// A consumer's credentials as the server shows them once, after a create or a rotation.
///
/// Its description never shows the secret, so printing one by mistake leaks nothing.
public struct ConsumerCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The consumer's key (OAuth client id).
    public var key: String
    /// The consumer's secret.
    public var secret: String

    /// Creates credentials.
    public init(key: String, secret: String) {
        self.key = key
        self.secret = secret
    }

    /// The key and a redacted secret.
    public var description: String { "ConsumerCredentials(key: \(key), secret: <redacted>)" }
    /// The key and a redacted secret.
    public var debugDescription: String { description }
}
