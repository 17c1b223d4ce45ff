import GRDB

/// The store's tables, as GRDB migrations (applied once each, in order).
enum StoreSchema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE permission_group (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL,
                        description TEXT,
                        permissions TEXT NOT NULL,
                        is_default BOOLEAN NOT NULL DEFAULT 0,
                        accounts_count INTEGER NOT NULL DEFAULT 0,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    );
                    CREATE TABLE oauth_consumer (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        key TEXT NOT NULL UNIQUE,
                        name TEXT NOT NULL,
                        description TEXT,
                        grant_type TEXT NOT NULL,
                        id_group_permission INTEGER NOT NULL REFERENCES permission_group(id),
                        redirect_uri TEXT,
                        hub_enabled BOOLEAN NOT NULL DEFAULT 0,
                        secret_salt BLOB NOT NULL,
                        secret_hash BLOB NOT NULL,
                        secret_created_at INTEGER NOT NULL,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    );
                    CREATE INDEX oauth_consumer_group ON oauth_consumer(id_group_permission);
                    CREATE TABLE sandbox_meta (
                        name TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    """
            )
        }
        migrator.registerMigration("seed") { db in
            try StoreSeed.insert(into: db)
        }
        // A narrow index over the list order: skipping `start` entries in it reads a few dozen pages
        // where skipping whole rows read the table, which made a full read of 50,000 consumers
        // (500 pages, each skipping all before it) quadratic.
        migrator.registerMigration("v2-consumer-order") { db in
            try db.execute(sql: "CREATE INDEX oauth_consumer_order ON oauth_consumer(seq)")
        }
        return migrator
    }
}
