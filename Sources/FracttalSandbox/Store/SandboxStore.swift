import Foundation
import GRDB

/// The sandbox's company: permission groups and OAuth consumers in SQLite (WAL when on disk).
/// Every call is one transaction, so each check-then-write is atomic. The caller's permissions and the
/// groups that exist are also kept in memory (`StoreReadCache`), forgotten by every write that could change them.
package final class SandboxStore: Sendable {
    private let writer: any DatabaseWriter
    private let cache = StoreReadCache()

    /// Opens (creating and seeding when new) the store at `path`, or an in-memory one when nil.
    init(path: String?) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        // WAL with synchronous=NORMAL never corrupts the file; a power cut may lose the last
        // commits, which a sandbox can afford for commits that do not wait on the disk.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        if let path {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            writer = try DatabasePool(path: path, configuration: configuration)
        } else {
            writer = try DatabaseQueue(configuration: configuration)
        }
        try StoreSchema.migrator().migrate(writer)
    }

    // MARK: Groups

    package func listGroups(start: Int, limit: Int) async throws -> (items: [GroupPayload], total: Int) {
        try await writer.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM permission_group") ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT \(StoreRows.groupColumns) FROM permission_group ORDER BY id LIMIT ? OFFSET ?",
                arguments: [limit, start]
            )
            return (rows.map(StoreRows.group), total)
        }
    }

    package func createGroup(_ fields: ValidatedGroup, now: Date) async throws -> GroupPayload {
        try await writer.write { db in
            let id = try StoreRows.insertGroup(db, fields, now: now)
            return try Self.group(db, id: id)!
        }
    }

    /// Replaces the group's fields; nil when there is no such group.
    package func replaceGroup(id: Int64, _ fields: ValidatedGroup, now: Date) async throws -> GroupPayload? {
        defer { cache.invalidate() }
        return try await writer.write { db in
            try db.execute(
                sql: "UPDATE permission_group SET name = ?, description = ?, permissions = ?, updated_at = ? WHERE id = ?",
                arguments: [
                    fields.name, fields.description, StoreRows.permissionsText(fields.permissions),
                    StoreRows.seconds(now), id,
                ]
            )
            return try Self.group(db, id: id)
        }
    }

    package func deleteGroup(id: Int64) async throws -> GroupDeletion {
        defer { cache.invalidate() }
        return try await writer.write { db in
            guard let group = try Self.group(db, id: id) else { return .notFound }
            if group.isDefault { return .isDefault }
            if group.accountsCount > 0 { return .hasAccounts(group.accountsCount) }
            let users = try Row.fetchAll(
                db, sql: "SELECT name, key FROM oauth_consumer WHERE id_group_permission = ? ORDER BY seq",
                arguments: [id]
            )
            if !users.isEmpty { return .usedBy(users.map { (name: $0["name"], key: $0["key"]) }) }
            try db.execute(sql: "DELETE FROM permission_group WHERE id = ?", arguments: [id])
            return .deleted(group)
        }
    }

    /// Sets a group's user-account count (the API cannot; tests and the seed can).
    func setAccountsCount(_ count: Int, group id: Int64) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "UPDATE permission_group SET accounts_count = ? WHERE id = ?", arguments: [count, id])
            return db.changesCount > 0
        }
    }

    package func groupExists(id: Int64) async throws -> Bool {
        if cache.groupExists(id: id) { return true }
        let generation = cache.generation
        let exists = try await writer.read { db in try Self.groupExists(db, id: id) }
        if exists { cache.rememberGroup(id: id, readUnder: generation) }
        return exists
    }

    // MARK: Consumers

    package func listConsumers(start: Int, limit: Int) async throws -> (items: [ConsumerPayload], total: Int) {
        try await writer.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM oauth_consumer") ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(StoreRows.consumerColumns) FROM oauth_consumer
                    WHERE seq >= (SELECT seq FROM oauth_consumer INDEXED BY oauth_consumer_order ORDER BY seq LIMIT 1 OFFSET ?)
                    ORDER BY seq LIMIT ?
                    """,
                arguments: [start, limit]
            )
            return (rows.map(StoreRows.consumer), total)
        }
    }

    package func consumer(key: String) async throws -> ConsumerPayload? {
        try await writer.read { db in try Self.consumer(db, key: key) }
    }

    package func createConsumer(_ fields: ValidatedConsumer, key: String, digest: SecretDigest, now: Date) async throws
        -> ConsumerWrite
    {
        try await writer.write { db in
            guard try Self.groupExists(db, id: fields.groupID) else { return .unknownGroup }
            try StoreRows.insertConsumer(db, fields, key: key, digest: digest, now: now)
            return .written(try Self.consumer(db, key: key)!)
        }
    }

    /// Replaces the consumer's fields (its grant type never changes).
    package func replaceConsumer(key: String, _ fields: ValidatedConsumer, now: Date) async throws -> ConsumerWrite {
        defer { cache.invalidate() }
        return try await writer.write { db in
            guard try Self.consumer(db, key: key) != nil else { return .notFound }
            guard try Self.groupExists(db, id: fields.groupID) else { return .unknownGroup }
            try db.execute(
                sql: """
                    UPDATE oauth_consumer SET name = ?, description = ?, id_group_permission = ?, redirect_uri = ?,
                        hub_enabled = ?, updated_at = ?
                    WHERE key = ?
                    """,
                arguments: [
                    fields.name, fields.description, fields.groupID, fields.redirectURI, fields.hubEnabled,
                    StoreRows.seconds(now), key,
                ]
            )
            return .written(try Self.consumer(db, key: key)!)
        }
    }

    /// Deletes the consumer; nil when there is no such consumer.
    package func deleteConsumer(key: String) async throws -> ConsumerPayload? {
        defer { cache.invalidate() }
        return try await writer.write { db in
            guard let consumer = try Self.consumer(db, key: key) else { return nil }
            try db.execute(sql: "DELETE FROM oauth_consumer WHERE key = ?", arguments: [key])
            return consumer
        }
    }

    /// Stores a new secret digest and its date; nil when there is no such consumer.
    package func rotateSecret(key: String, digest: SecretDigest, now: Date) async throws -> ConsumerPayload? {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE oauth_consumer SET secret_salt = ?, secret_hash = ?, secret_created_at = ? WHERE key = ?",
                arguments: [Data(digest.salt), Data(digest.hash), StoreRows.seconds(now), key]
            )
            guard db.changesCount > 0 else { return nil }
            return try Self.consumer(db, key: key)
        }
    }

    func credentials(key: String) async throws -> StoredCredentials? {
        try await writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT grant_type, secret_salt, secret_hash FROM oauth_consumer WHERE key = ?",
                    arguments: [key]
                )
            else { return nil }
            let salt: Data = row["secret_salt"]
            let hash: Data = row["secret_hash"]
            return StoredCredentials(grantType: row["grant_type"], digest: SecretDigest(salt: Array(salt), hash: Array(hash)))
        }
    }

    /// The permissions of the consumer's group now; nil when the consumer no longer exists.
    func permissions(ofConsumer key: String) async throws -> Set<String>? {
        if let permissions = cache.permissions(ofConsumer: key) { return permissions }
        let generation = cache.generation
        let permissions = try await writer.read { db in
            let text = try String.fetchOne(
                db,
                sql: """
                    SELECT g.permissions FROM oauth_consumer c JOIN permission_group g ON g.id = c.id_group_permission
                    WHERE c.key = ?
                    """,
                arguments: [key]
            )
            return text.map { Set($0.split(separator: ",").map(String.init)) }
        }
        if let permissions { cache.remember(permissions, ofConsumer: key, readUnder: generation) }
        return permissions
    }

    // MARK: Bootstrap consumer

    /// Gives the bootstrap consumer a new secret (creating the consumer if it was deleted)
    /// and returns its key and the plain secret.
    func rotateBootstrapSecret(now: Date) async throws -> (key: String, secret: String) {
        let secret = RandomText.consumerSecret()
        let digest = SecretDigest(hashing: secret)
        defer { cache.invalidate() }
        let key = try await writer.write { db in
            let key: String
            if let existing = try Self.bootstrapKey(db), try Self.consumer(db, key: existing) != nil {
                key = existing
            } else {
                let group =
                    try Int64.fetchOne(
                        db, sql: "SELECT id FROM permission_group WHERE name = 'Automation' ORDER BY id LIMIT 1"
                    )
                    ?? StoreRows.insertGroup(
                        db,
                        ValidatedGroup(name: "Automation", description: nil, permissions: ContractCatalog.orderedCodes),
                        now: now
                    )
                try StoreSeed.insertBootstrapConsumer(db, group: group, now: now)
                key = try Self.bootstrapKey(db)!
            }
            try db.execute(
                sql: "UPDATE oauth_consumer SET secret_salt = ?, secret_hash = ?, secret_created_at = ? WHERE key = ?",
                arguments: [Data(digest.salt), Data(digest.hash), StoreRows.seconds(now), key]
            )
            return key
        }
        return (key, secret)
    }

    /// The key of the bootstrap consumer (it may since have been deleted).
    package func bootstrapKey() async throws -> String? {
        try await writer.read { db in try Self.bootstrapKey(db) }
    }

    // MARK: Helpers

    private static func group(_ db: Database, id: Int64) throws -> GroupPayload? {
        try Row.fetchOne(
            db, sql: "SELECT \(StoreRows.groupColumns) FROM permission_group WHERE id = ?", arguments: [id]
        ).map(StoreRows.group)
    }

    // The statements of every create are prepared once per connection (`cachedStatement`).

    private static func groupExists(_ db: Database, id: Int64) throws -> Bool {
        let statement = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM permission_group WHERE id = ?)")
        return try Bool.fetchOne(statement, arguments: [id]) ?? false
    }

    private static func consumer(_ db: Database, key: String) throws -> ConsumerPayload? {
        let statement = try db.cachedStatement(sql: "SELECT \(StoreRows.consumerColumns) FROM oauth_consumer WHERE key = ?")
        return try Row.fetchOne(statement, arguments: [key]).map(StoreRows.consumer)
    }

    private static func bootstrapKey(_ db: Database) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT value FROM sandbox_meta WHERE name = ?", arguments: [StoreSeed.bootstrapKeyEntry]
        )
    }
}
