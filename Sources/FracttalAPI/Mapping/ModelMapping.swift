import FracttalModel

// The one place where generated API types become FracttalModel values and back.

/// A value the server sent that the model cannot hold (for example a malformed permission code).
struct ContractViolation: Error, CustomStringConvertible {
    var description: String
}

extension Components.Schemas.Permission {
    func model() throws(ContractViolation) -> PermissionCode {
        guard let code = PermissionCode(code) else {
            throw ContractViolation(description: "the catalog holds the permission code '\(code)', which is not module:action")
        }
        return code
    }
}

extension Components.Schemas.PermissionGroup {
    func model() throws(ContractViolation) -> LiveGroup {
        var codes = Set<PermissionCode>()
        for text in permissions {
            guard let code = PermissionCode(text) else {
                throw ContractViolation(description: "group \(id) holds the permission code '\(text)', which is not module:action")
            }
            codes.insert(code)
        }
        return LiveGroup(
            id: Int(id), name: name, description: description, permissions: codes,
            isDefault: isDefault, accountsCount: accountsCount, createdAt: createdAt, updatedAt: updatedAt
        )
    }
}

extension Components.Schemas.GrantType {
    var model: GrantType {
        switch self {
        case .clientCredentials: .clientCredentials
        case .authorizationCode: .authorizationCode
        }
    }

    init(_ model: GrantType) {
        switch model {
        case .clientCredentials: self = .clientCredentials
        case .authorizationCode: self = .authorizationCode
        }
    }
}

// A consumer's fields are listed here three times, in the shapes the generated types give them; the
// field table (`ConsumerFields`) covers everything after this file.

extension Components.Schemas.OAuthConsumer {
    var model: LiveConsumer {
        LiveConsumer(
            key: key,
            fields: ConsumerFields(
                name: name, description: description, grantType: grantType.model, permissionGroup: Int(idGroupPermission),
                redirectURI: redirectUri, hub: hubEnabled),
            secretCreatedAt: secretCreatedAt, createdAt: createdAt, updatedAt: updatedAt
        )
    }
}

extension Components.Schemas.OAuthConsumerWithSecret {
    var model: LiveConsumer {
        Components.Schemas.OAuthConsumer(
            key: key, name: name, description: description, grantType: grantType, idGroupPermission: idGroupPermission,
            redirectUri: redirectUri, hubEnabled: hubEnabled, secretCreatedAt: secretCreatedAt,
            createdAt: createdAt, updatedAt: updatedAt
        ).model
    }

    var credentials: ConsumerCredentials { ConsumerCredentials(key: key, secret: secret) }
}

extension Components.Schemas.PermissionGroupInput {
    init(_ fields: GroupFields) {
        self.init(name: fields.name, description: fields.description, permissions: fields.permissions.map(\.description))
    }
}

extension Components.Schemas.OAuthConsumerCreate {
    init(_ fields: ConsumerFields<Int>) {
        self.init(
            name: fields.name, description: fields.description, grantType: .init(fields.grantType),
            idGroupPermission: Int64(fields.permissionGroup), redirectUri: fields.redirectURI, hubEnabled: fields.hub
        )
    }
}

extension Components.Schemas.OAuthConsumerUpdate {
    init(_ fields: ConsumerFields<Int>) {
        self.init(
            name: fields.name, description: fields.description, grantType: .init(fields.grantType),
            idGroupPermission: Int64(fields.permissionGroup), redirectUri: fields.redirectURI, hubEnabled: fields.hub
        )
    }
}

extension LiveGroup {
    /// Whether the group holds exactly these fields (what a lost create would have made).
    func matches(_ fields: GroupFields) -> Bool {
        self.fields == fields
    }
}

extension LiveConsumer {
    /// Whether the consumer holds exactly these fields (what a lost create would have made).
    func matches(_ fields: ConsumerFields<Int>) -> Bool {
        self.fields == fields
    }
}
