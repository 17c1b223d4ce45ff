import Foundation

/// An OAuth consumer as answers show it, with its secret only in the answers to create and
/// rotate (stands in for the generated `OAuthConsumer` and `OAuthConsumerWithSecret`, so that
/// a missing description or redirect URI is written as `null`).
package struct ConsumerPayload: Codable, Hashable, Sendable {
    package var key: String
    /// The plain secret; set only for the answers to create and rotate.
    var secret: String?
    package var name: String
    package var description: String?
    package var grantType: String
    package var groupID: Int64
    package var redirectURI: String?
    package var hubEnabled: Bool
    package var secretCreatedAt: Date
    var createdAt: Date
    var updatedAt: Date

    init(
        key: String, secret: String?, name: String, description: String?, grantType: String, groupID: Int64,
        redirectURI: String?, hubEnabled: Bool, secretCreatedAt: Date, createdAt: Date, updatedAt: Date
    ) {
        self.key = key
        self.secret = secret
        self.name = name
        self.description = description
        self.grantType = grantType
        self.groupID = groupID
        self.redirectURI = redirectURI
        self.hubEnabled = hubEnabled
        self.secretCreatedAt = secretCreatedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }


    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        key = try container.decode(String.self, forKey: WireField.key.key)
        secret = try container.decodeIfPresent(String.self, forKey: WireField.secret.key)
        name = try container.decode(String.self, forKey: WireField.name.key)
        description = try container.decode(String?.self, forKey: WireField.description.key)
        grantType = try container.decode(String.self, forKey: WireField.grantType.key)
        groupID = try container.decode(Int64.self, forKey: WireField.groupID.key)
        redirectURI = try container.decode(String?.self, forKey: WireField.redirectURI.key)
        hubEnabled = try container.decode(Bool.self, forKey: WireField.hubEnabled.key)
        secretCreatedAt = try container.decode(Date.self, forKey: WireField.secretCreatedAt.key)
        createdAt = try container.decode(Date.self, forKey: WireField.createdAt.key)
        updatedAt = try container.decode(Date.self, forKey: WireField.updatedAt.key)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(key, forKey: WireField.key.key)
        if let secret { try container.encode(secret, forKey: WireField.secret.key) }
        try container.encode(name, forKey: WireField.name.key)
        try container.encode(description, forKey: WireField.description.key)
        try container.encode(grantType, forKey: WireField.grantType.key)
        try container.encode(groupID, forKey: WireField.groupID.key)
        try container.encode(redirectURI, forKey: WireField.redirectURI.key)
        try container.encode(hubEnabled, forKey: WireField.hubEnabled.key)
        try container.encode(secretCreatedAt, forKey: WireField.secretCreatedAt.key)
        try container.encode(createdAt, forKey: WireField.createdAt.key)
        try container.encode(updatedAt, forKey: WireField.updatedAt.key)
    }
}

/// A consumer answer that carries the secret (create and rotate); the type keeps the
/// two answer shapes apart in the generated code.
struct ConsumerWithSecretPayload: Codable, Hashable, Sendable {
    var consumer: ConsumerPayload

    init(_ consumer: ConsumerPayload) { self.consumer = consumer }

    init(from decoder: any Decoder) throws { consumer = try ConsumerPayload(from: decoder) }

    func encode(to encoder: any Encoder) throws { try consumer.encode(to: encoder) }
}
