/// Turns the request bodies into validated store fields, or a 400 naming every broken rule.
package enum BodyValidation {
    /// A group body (create and replace): name, description and permissions, all present.
    package static func group(_ body: GroupInputBody) throws -> ValidatedGroup {
        var checker = FieldChecker()
        let name = checker.name(body.name)
        let description = checker.description(body.description, required: true)
        let permissions = checker.permissions(body.permissions)
        checker.unknown(body.unknownFields)
        try checker.finish()
        return ValidatedGroup(name: name!, description: description, permissions: permissions)
    }

    /// A consumer create body.
    package static func createConsumer(_ body: ConsumerCreateBody, groupExists: (Int64) async throws -> Bool) async throws
        -> ValidatedConsumer
    {
        var checker = FieldChecker()
        let name = checker.name(body.name)
        let description = checker.description(body.description, required: false)
        let grantType = checker.grantType(body.grantType)
        let groupID = try await checker.groupID(body.groupID, exists: groupExists)
        let redirectURI = checker.redirectURI(body.redirectURI, grantType: grantType, required: false)
        let hubEnabled = checker.hubEnabled(body.hubEnabled, defaultValue: false)
        checker.unknown(body.unknownFields)
        try checker.finish()
        return ValidatedConsumer(
            name: name!, description: description, grantType: grantType!, groupID: groupID!,
            redirectURI: redirectURI, hubEnabled: hubEnabled
        )
    }

    /// A consumer replace body, checked against the live consumer (its grant type cannot change).
    package static func replaceConsumer(
        _ body: ConsumerUpdateBody, live: ConsumerPayload, groupExists: (Int64) async throws -> Bool
    ) async throws -> ValidatedConsumer {
        var checker = FieldChecker()
        let name = checker.name(body.name)
        let description = checker.description(body.description, required: true)
        if case .missing = body.grantType {
        } else if let grantType = checker.grantType(body.grantType), grantType != live.grantType {
            checker.add(.grantType, "cannot change after creation: this consumer's grant type is \(live.grantType)")
        }
        let groupID = try await checker.groupID(body.groupID, exists: groupExists)
        let redirectURI = checker.redirectURI(body.redirectURI, grantType: live.grantType, required: true)
        let hubEnabled = checker.hubEnabled(body.hubEnabled, defaultValue: nil)
        checker.unknown(body.unknownFields)
        try checker.finish()
        return ValidatedConsumer(
            name: name!, description: description, grantType: live.grantType, groupID: groupID!,
            redirectURI: redirectURI, hubEnabled: hubEnabled
        )
    }
}
