import FracttalModel

extension FracttalClient {
    /// Creates a consumer; never repeats the POST blindly.
    ///
    /// After an answer that leaves it unknown whether the consumer was made, the client reads the
    /// consumers and looks for one with these fields whose key is not in `knownKeys`: found, it is
    /// `.adopted` (its secret was lost, so the caller must rotate it); not found, the create is tried again.
    public func createConsumer(_ fields: ConsumerFields<Int>, knownKeys: Set<String>) async throws -> ConsumerCreation {
        try await namingOwnGroup {
            let body = Components.Schemas.OAuthConsumerCreate(fields)
            return try await createOnce(
                "create consumer \"\(fields.name)\"",
                address: ResourceAddress(.consumer, fields.name),
                send: { [executor] operation in
                    try await executor.perform(operation, repetition: .once) { client in
                        try await client.createConsumer(body: .json(body)).outcome().map { ($0.model, $0.credentials) }
                    }
                },
                findMade: { [self] in
                    try await consumerReader().readNew(known: knownKeys).first { $0.matches(fields) }
                }
            ).map({ ConsumerCreation.created($0.0, $0.1) }, adopted: ConsumerCreation.adopted)
        }
    }

    /// Replaces a consumer as a whole (every field sent; the grant type must equal the live one).
    public func replaceConsumer(key: String, with fields: ConsumerFields<Int>) async throws -> LiveConsumer {
        try await namingOwnGroup {
            let body = Components.Schemas.OAuthConsumerUpdate(fields)
            return try await executor.perform("update consumer \"\(fields.name)\" (key \(key))", object: "consumer \(key)") { client in
                try await client.replaceConsumer(path: .init(key: key), body: .json(body)).outcome().map(\.model)
            }
        }
    }

    /// Deletes a consumer; a 404 after an attempt whose answer was lost counts as done.
    public func deleteConsumer(key: String) async throws {
        try await namingOwnGroup {
            try await executor.perform("delete consumer \(key)", object: "consumer \(key)", goneAfterAmbiguity: ()) { client in
                try await client.deleteConsumer(path: .init(key: key)).outcome()
            }
        }
    }

    /// Issues a new secret; after an ambiguous failure it pauses (a late commit of the lost rotation must
    /// land before the one whose secret is kept) and rotates again, since only an answer carries the secret.
    ///
    /// When the consumer is the one the client signs in with, the client switches to the new secret at once.
    public func rotateSecret(key: String) async throws -> (consumer: LiveConsumer, credentials: ConsumerCredentials) {
        try await namingOwnGroup {
            let (consumer, credentials) = try await sendPausingAfterAmbiguity("rotate the secret of consumer \(key)") { [executor] operation in
                try await executor.perform(operation, object: "consumer \(key)", repetition: .once) { client in
                    try await client.rotateConsumerSecret(path: .init(key: key)).outcome().map { ($0.model, $0.credentials) }
                }
            }
            if key == signing.current.key {
                // The old secret no longer gets tokens: renew with the new one from now on.
                signing.replace(with: credentials)
                await executor.tokens.credentialsChanged()
            }
            return (consumer: consumer, credentials: credentials)
        }
    }
}
