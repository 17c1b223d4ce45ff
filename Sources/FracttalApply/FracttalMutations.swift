import FracttalModel

/// The changes the applier asks of a Fracttal company; the API client conforms with an empty extension.
///
/// Each call is expected to have done the client's own retries already: an error thrown here is final.
public protocol FracttalMutations: Sendable {
    /// Creates a group; `knownIDs` are the ids the caller already knew, so that a lost answer can be told apart.
    func createGroup(_ fields: GroupFields, knownIDs: Set<Int>) async throws -> GroupCreation
    /// Replaces every field of a group.
    func replaceGroup(id: Int, with fields: GroupFields) async throws -> LiveGroup
    /// Deletes a group.
    func deleteGroup(id: Int) async throws
    /// Creates a consumer; `knownKeys` are the keys the caller already knew, so that a lost answer can be told apart.
    func createConsumer(_ fields: ConsumerFields<Int>, knownKeys: Set<String>) async throws -> ConsumerCreation
    /// Replaces every field of a consumer.
    func replaceConsumer(key: String, with fields: ConsumerFields<Int>) async throws -> LiveConsumer
    /// Deletes a consumer.
    func deleteConsumer(key: String) async throws
    /// Reads every live consumer (to find consumers a late commit made).
    func listConsumers() async throws -> [LiveConsumer]
    /// Issues a new secret for a consumer.
    func rotateSecret(key: String) async throws -> (consumer: LiveConsumer, credentials: ConsumerCredentials)
}
