import Foundation
@testable import FracttalSandbox

/// Fills a sandbox store file in-process (through the sandbox's store, not over HTTP), so a test can
/// start a server on a large company without tens of thousands of API calls.
enum BulkStore {
    /// Creates the store at `path` (with the sandbox's seed) and grows it to exactly `groups` groups
    /// and `consumers` consumers.
    static func make(at path: String, groups: Int, consumers: Int) async throws {
        let store = try SandboxStore(path: path)
        let now = Date()
        let seeded = try await store.listGroups(start: 0, limit: 1)
        var groupIDs: [Int64] = []
        for index in 0..<(groups - seeded.total) {
            let group = try await store.createGroup(
                GroupFields(name: "bulk-group-\(index)", description: nil, permissions: ["assets:view"]), now: now
            )
            groupIDs.append(group.id)
        }
        let existing = try await store.listConsumers(start: 0, limit: 1).total
        for index in 0..<(consumers - existing) {
            let fields = ConsumerFields(
                name: "bulk-consumer-\(index)", description: index.isMultiple(of: 3) ? "bulk \(index)" : nil,
                grantType: "client_credentials", groupID: groupIDs[index % groupIDs.count], redirectURI: nil, hubEnabled: false
            )
            _ = try await store.createConsumer(
                fields, key: RandomText.consumerKey(), digest: SecretDigest(hashing: RandomText.consumerSecret()), now: now
            )
        }
    }
}
