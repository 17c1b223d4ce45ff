/// The fields of a permission group that the API can set, already validated.
package struct ValidatedGroup: Sendable, Hashable {
    var name: String
    var description: String?
    var permissions: [String]
}

/// The fields of an OAuth consumer that the API can set, already validated.
package struct ValidatedConsumer: Sendable, Hashable {
    var name: String
    var description: String?
    var grantType: String
    package var groupID: Int64
    var redirectURI: String?
    var hubEnabled: Bool
}

/// What deleting a group came to.
package enum GroupDeletion: Sendable {
    case deleted(GroupPayload)
    case notFound
    case isDefault
    case hasAccounts(Int)
    case usedBy([(name: String, key: String)])
}

/// What creating or replacing a consumer came to.
package enum ConsumerWrite: Sendable {
    case written(ConsumerPayload)
    case notFound
    case unknownGroup
}

/// A consumer's stored credentials, for the token endpoint.
struct StoredCredentials: Sendable {
    let grantType: String
    let digest: SecretDigest
}
