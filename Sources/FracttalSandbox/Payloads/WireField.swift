/// Every JSON field name of the contract's objects and bodies, in one place.
package enum WireField: String, CaseIterable, Sendable {
    case id
    case key
    case secret
    case name
    case description
    case permissions
    case isDefault = "is_default"
    case accountsCount = "accounts_count"
    case grantType = "grant_type"
    case groupID = "id_group_permission"
    case redirectURI = "redirect_uri"
    case hubEnabled = "hub_enabled"
    case secretCreatedAt = "secret_created_at"
    case createdAt = "created_at"
    case updatedAt = "updated_at"

    /// The coding key of this field.
    var key: AnyCodingKey { AnyCodingKey(rawValue) }
}
