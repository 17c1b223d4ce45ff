import Foundation
import GRDB

/// Row mapping and the single-statement writes shared by the store and its seed.
enum StoreRows {
    static let groupColumns = "id, name, description, permissions, is_default, accounts_count, created_at, updated_at"
    static let consumerColumns =
        "key, name, description, grant_type, id_group_permission, redirect_uri, hub_enabled, secret_created_at, created_at, updated_at"

    // Rows are read by position (the order of the column lists above): looking columns up by name
    // costs a case-insensitive comparison per column and row, a sixth of a 10,000-consumer read.

    static func group(_ row: Row) -> GroupPayload {
        let permissions: String = row[3]
        return GroupPayload(
            id: row[0],
            name: row[1],
            description: row[2],
            permissions: permissions.isEmpty ? [] : permissions.split(separator: ",").map(String.init),
            isDefault: row[4],
            accountsCount: row[5],
            createdAt: date(row[6]),
            updatedAt: date(row[7])
        )
    }

    static func consumer(_ row: Row) -> ConsumerPayload {
        ConsumerPayload(
            key: row[0],
            secret: nil,
            name: row[1],
            description: row[2],
            grantType: row[3],
            groupID: row[4],
            redirectURI: row[5],
            hubEnabled: row[6],
            secretCreatedAt: date(row[7]),
            createdAt: date(row[8]),
            updatedAt: date(row[9])
        )
    }

    /// Stored permissions: catalog codes (which hold no comma), in catalog order.
    static func permissionsText(_ permissions: [String]) -> String {
        let chosen = Set(permissions)
        return ContractCatalog.orderedCodes.filter(chosen.contains).joined(separator: ",")
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    @discardableResult
    static func insertGroup(
        _ db: Database, _ fields: ValidatedGroup, isDefault: Bool = false, accountsCount: Int = 0, now: Date
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO permission_group (name, description, permissions, is_default, accounts_count, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                fields.name, fields.description, permissionsText(fields.permissions), isDefault, accountsCount,
                seconds(now), seconds(now),
            ]
        )
        return db.lastInsertedRowID
    }

    static func insertConsumer(_ db: Database, _ fields: ValidatedConsumer, key: String, digest: SecretDigest, now: Date)
        throws
    {
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO oauth_consumer (key, name, description, grant_type, id_group_permission, redirect_uri,
                    hub_enabled, secret_salt, secret_hash, secret_created_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        )
        try insert.execute(
            arguments: [
                key, fields.name, fields.description, fields.grantType, fields.groupID, fields.redirectURI,
                fields.hubEnabled, Data(digest.salt), Data(digest.hash), seconds(now), seconds(now), seconds(now),
            ]
        )
    }
}
