import Foundation

/// A permission group as answers show it (stands in for the generated
/// `Components.Schemas.PermissionGroup`, so that a missing description is written as `null`).
package struct GroupPayload: Codable, Hashable, Sendable {
    package var id: Int64
    package var name: String
    package var description: String?
    package var permissions: [String]
    package var isDefault: Bool
    package var accountsCount: Int
    var createdAt: Date
    var updatedAt: Date

    init(
        id: Int64, name: String, description: String?, permissions: [String], isDefault: Bool,
        accountsCount: Int, createdAt: Date, updatedAt: Date
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

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        id = try container.decode(Int64.self, forKey: WireField.id.key)
        name = try container.decode(String.self, forKey: WireField.name.key)
        description = try container.decode(String?.self, forKey: WireField.description.key)
        permissions = try container.decode([String].self, forKey: WireField.permissions.key)
        isDefault = try container.decode(Bool.self, forKey: WireField.isDefault.key)
        accountsCount = try container.decode(Int.self, forKey: WireField.accountsCount.key)
        createdAt = try container.decode(Date.self, forKey: WireField.createdAt.key)
        updatedAt = try container.decode(Date.self, forKey: WireField.updatedAt.key)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(id, forKey: WireField.id.key)
        try container.encode(name, forKey: WireField.name.key)
        try container.encode(description, forKey: WireField.description.key)
        try container.encode(permissions, forKey: WireField.permissions.key)
        try container.encode(isDefault, forKey: WireField.isDefault.key)
        try container.encode(accountsCount, forKey: WireField.accountsCount.key)
        try container.encode(createdAt, forKey: WireField.createdAt.key)
        try container.encode(updatedAt, forKey: WireField.updatedAt.key)
    }
}
