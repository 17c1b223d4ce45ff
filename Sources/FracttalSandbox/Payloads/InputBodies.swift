/// The body of `POST /groups_permissions/` and `PUT /groups_permissions/{id}` as it arrived
/// (stands in for the generated `Components.Schemas.PermissionGroupInput`).
package struct GroupInputBody: Codable, Hashable, Sendable {
    var name: JSONField<String>
    var description: JSONField<String>
    var permissions: JSONField<[String]>
    /// Fields the contract does not know, which the sandbox refuses.
    var unknownFields: [String]

    static let knownFields: Set<WireField> = [.name, .description, .permissions]

    /// A body made of the fields of a form (the console's), with no unknown field.
    package init(name: JSONField<String>, description: JSONField<String>, permissions: JSONField<[String]>) {
        self.name = name
        self.description = description
        self.permissions = permissions
        self.unknownFields = []
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        name = container.field(.name)
        description = container.field(.description)
        permissions = container.field(.permissions)
        unknownFields = container.unknownFields(known: Self.knownFields)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(name, as: .name)
        try container.encode(description, as: .description)
        try container.encode(permissions, as: .permissions)
    }
}

/// The body of `POST /oauth_consumers/` as it arrived
/// (stands in for the generated `Components.Schemas.OAuthConsumerCreate`).
package struct ConsumerCreateBody: Codable, Hashable, Sendable {
    var name: JSONField<String>
    var description: JSONField<String>
    var grantType: JSONField<String>
    var groupID: JSONField<Int64>
    var redirectURI: JSONField<String>
    var hubEnabled: JSONField<Bool>
    /// Fields the contract does not know, which the sandbox refuses.
    var unknownFields: [String]

    static let knownFields: Set<WireField> = [
        .name, .description, .grantType, .groupID, .redirectURI, .hubEnabled,
    ]

    /// A body made of the fields of a form (the console's), with no unknown field.
    package init(
        name: JSONField<String>, description: JSONField<String>, grantType: JSONField<String>,
        groupID: JSONField<Int64>, redirectURI: JSONField<String>, hubEnabled: JSONField<Bool>
    ) {
        self.name = name
        self.description = description
        self.grantType = grantType
        self.groupID = groupID
        self.redirectURI = redirectURI
        self.hubEnabled = hubEnabled
        self.unknownFields = []
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        name = container.field(.name)
        description = container.field(.description)
        grantType = container.field(.grantType)
        groupID = container.field(.groupID)
        redirectURI = container.field(.redirectURI)
        hubEnabled = container.field(.hubEnabled)
        unknownFields = container.unknownFields(known: Self.knownFields)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(name, as: .name)
        try container.encode(description, as: .description)
        try container.encode(grantType, as: .grantType)
        try container.encode(groupID, as: .groupID)
        try container.encode(redirectURI, as: .redirectURI)
        try container.encode(hubEnabled, as: .hubEnabled)
    }
}

/// The body of `PUT /oauth_consumers/{key}` as it arrived (stands in for the generated
/// `Components.Schemas.OAuthConsumerUpdate`): the same fields as a create's, which only validation
/// (`BodyValidation.replaceConsumer`) tells apart.
package typealias ConsumerUpdateBody = ConsumerCreateBody
