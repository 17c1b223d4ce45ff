import FracttalSandbox

/// The reads the console's pages need, made of the store's list calls (one transaction each).
extension SandboxStore {
    /// Every consumer, in creation order: the console filters, sorts and pages them itself.
    func allConsumers() async throws -> [ConsumerPayload] {
        try await listConsumers(start: 0, limit: Int(Int32.max)).items
    }

    /// Every permission group, in id order.
    func allGroups() async throws -> [GroupPayload] {
        try await listGroups(start: 0, limit: Int(Int32.max)).items
    }

    /// The group with this id, if any.
    func group(id: Int64) async throws -> GroupPayload? {
        try await allGroups().first { $0.id == id }
    }
}
