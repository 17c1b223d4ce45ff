import Foundation
import GRDB

/// A permission group to insert with `SandboxServer.bulkSeed` (a benchmark hook).
public struct BulkSeedGroup: Sendable, Hashable {
    /// The group's name.
    public var name: String
    /// The group's description.
    public var description: String?
    /// Catalog codes (`module:action`); codes outside the catalog are dropped.
    public var permissions: [String]

    /// Nothing is checked here: names go in as given, and codes outside the catalog are dropped on insertion.
    public init(name: String, description: String?, permissions: [String]) {
        self.name = name
        self.description = description
        self.permissions = permissions
    }
}

/// An OAuth consumer to insert with `SandboxServer.bulkSeed` (a benchmark hook).
public struct BulkSeedConsumer: Sendable, Hashable {
    /// The consumer's name.
    public var name: String
    /// The consumer's description.
    public var description: String?
    /// Index into the groups given to the same `bulkSeed` call.
    public var groupIndex: Int
    /// Whether Fracttal Hub is enabled.
    public var hubEnabled: Bool

    /// Creates a client-credentials consumer to insert.
    public init(name: String, description: String?, groupIndex: Int, hubEnabled: Bool) {
        self.name = name
        self.description = description
        self.groupIndex = groupIndex
        self.hubEnabled = hubEnabled
    }
}

extension SandboxServer {
    /// Creates (or opens) the store at `dataPath` and inserts the groups and consumers in one
    /// transaction, before any server starts on it; each consumer gets a random key and an unknown
    /// secret. For benchmarks that need tens of thousands of objects without an API call each.
    public static func bulkSeed(
        dataPath: String, groups: [BulkSeedGroup], consumers: [BulkSeedConsumer], now: Date = Date()
    ) throws {
        let directory = URL(fileURLWithPath: dataPath).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: dataPath)
        try StoreSchema.migrator().migrate(queue)
        try queue.inTransaction { db in
            var groupIDs: [Int64] = []
            groupIDs.reserveCapacity(groups.count)
            for group in groups {
                let fields = ValidatedGroup(name: group.name, description: group.description, permissions: group.permissions)
                groupIDs.append(try StoreRows.insertGroup(db, fields, now: now))
            }
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO oauth_consumer (key, name, description, grant_type, id_group_permission, redirect_uri,
                        hub_enabled, secret_salt, secret_hash, secret_created_at, created_at, updated_at)
                    VALUES (?, ?, ?, 'client_credentials', ?, NULL, ?, ?, ?, ?, ?, ?)
                    """
            )
            let seconds = StoreRows.seconds(now)
            // One digest for all: nobody knows these secrets, and hashing 50,000 would only cost time.
            let digest = SecretDigest(hashing: RandomText.consumerSecret())
            for consumer in consumers {
                try insert.execute(arguments: [
                    RandomText.consumerKey(), consumer.name, consumer.description, groupIDs[consumer.groupIndex],
                    consumer.hubEnabled, Data(digest.salt), Data(digest.hash), seconds, seconds, seconds,
                ])
            }
            return .commit
        }
        try queue.close()
    }
}
