import FracttalModel

extension FracttalClient {
    /// Creates a group; never repeats the POST blindly.
    ///
    /// After an answer that leaves it unknown whether the group was made (5xx, time-out, lost
    /// connection, an answer that is not the API's JSON), the client pauses for a late commit, reads the
    /// groups and looks for one with these fields whose id is not in `knownIDs` (the ids the caller saw
    /// before): found, it is `.adopted`; not found, the create is tried again (up to
    /// `RetryPolicy.maxCreateAttempts`; see `createOnce`).
    public func createGroup(_ fields: GroupFields, knownIDs: Set<Int>) async throws -> GroupCreation {
        try await namingOwnGroup {
            let body = Components.Schemas.PermissionGroupInput(fields)
            return try await createOnce(
                "create group \"\(fields.name)\"",
                address: ResourceAddress(.group, fields.name),
                send: { [executor] operation in
                    try await executor.perform(operation, repetition: .once) { client in
                        try await client.createGroup(body: .json(body)).outcome().map { try $0.model() }
                    }
                },
                findMade: { [self] in
                    try await groupReader().readNew(known: knownIDs).first { $0.matches(fields) }
                }
            ).map(GroupCreation.created, adopted: GroupCreation.adopted)
        }
    }

    /// Replaces a group as a whole (every field sent).
    public func replaceGroup(id: Int, with fields: GroupFields) async throws -> LiveGroup {
        try await namingOwnGroup {
            let body = Components.Schemas.PermissionGroupInput(fields)
            return try await executor.perform("update group \"\(fields.name)\" (id \(id))", object: "group \(id)") { client in
                try await client.replaceGroup(path: .init(id: Int64(id)), body: .json(body)).outcome().map { try $0.model() }
            }
        }
    }

    /// Deletes a group; a 404 after an attempt whose answer was lost counts as done.
    public func deleteGroup(id: Int) async throws {
        try await namingOwnGroup {
            try await executor.perform("delete group \(id)", object: "group \(id)", goneAfterAmbiguity: ()) { client in
                try await client.deleteGroup(path: .init(id: Int64(id))).outcome()
            }
        }
    }
}
