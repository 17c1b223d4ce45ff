import Foundation
import FracttalSandbox

/// Fills a sandbox store file through the sandbox's bulk-seed hook (one transaction, no HTTP), so a
/// test can start a server on a large company without tens of thousands of API calls.
enum BulkStore {
    /// The groups and consumers every new store is seeded with (the help-article company and the
    /// bootstrap consumer).
    static let seededGroups = 3
    static let seededConsumers = 8

    /// Creates the store at `path` (with the sandbox's seed) and grows it to exactly `groups` groups
    /// and `consumers` consumers.
    static func make(at path: String, groups: Int, consumers: Int) throws {
        let groups = (0..<(groups - seededGroups)).map { index in
            BulkSeedGroup(name: "bulk-group-\(index)", description: nil, permissions: ["assets:view"])
        }
        let consumers = (0..<(consumers - seededConsumers)).map { index in
            BulkSeedConsumer(
                name: "bulk-consumer-\(index)", description: index.isMultiple(of: 3) ? "bulk \(index)" : nil,
                groupIndex: index % groups.count, hubEnabled: false
            )
        }
        try SandboxServer.bulkSeed(dataPath: path, groups: groups, consumers: consumers)
    }
}
