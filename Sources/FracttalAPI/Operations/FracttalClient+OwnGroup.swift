import FracttalModel

extension FracttalClient {
    /// Runs `body`; a 403 it throws gets the name of the client's own permission group when it can be learnt.
    func namingOwnGroup<Value>(_ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch FracttalAPIError.forbidden(let operation, let message, let key, nil) {
            throw FracttalAPIError.forbidden(operation: operation, message: message, consumerKey: key, group: await ownGroupName())
        }
    }

    /// The name of the client's own permission group: remembered from the last full read, or read now if allowed.
    private func ownGroupName() async -> String? {
        if let name = identity.groupName { return name }
        guard let consumers = try? await readConsumers(),
              let own = consumers.first(where: { $0.key == configuration.credentials.key })
        else { return nil }
        let groups = (try? await readGroups()) ?? []
        return groups.first { $0.id == own.permissionGroup }?.name ?? "id \(own.permissionGroup)"
    }
}
