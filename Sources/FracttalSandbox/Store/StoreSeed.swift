import Foundation
import GRDB

/// The company a new sandbox store starts with: three groups and the consumers of
/// Fracttal's help article (with fixed keys), plus the bootstrap consumer `ci-bootstrap`.
enum StoreSeed {
    /// The name of the bootstrap consumer.
    static let bootstrapName = "ci-bootstrap"
    /// The `sandbox_meta` entry that holds the bootstrap consumer's key.
    static let bootstrapKeyEntry = "bootstrap_consumer_key"

    static func insert(into db: Database) throws {
        let defaultGroup = try StoreRows.insertGroup(
            db,
            ValidatedGroup(
                name: "Default",
                description: "Permisos básicos de consulta para todos los usuarios",
                permissions: ["assets:view", "work_orders:view", "work_requests:view", "tasks:view", "calendar:view"]
            ),
            isDefault: true, accountsCount: 4, now: at("2023-11-02T12:00:00Z")
        )
        let technicians = try StoreRows.insertGroup(
            db,
            ValidatedGroup(
                name: "PERMISO 1 TECNICO",
                description: "Técnicos de campo",
                permissions: [
                    "assets:view", "assets:edit", "work_orders:view", "work_orders:create", "work_orders:edit",
                    "meters:view", "meters:create",
                ]
            ),
            accountsCount: 3, now: at("2024-05-09T14:03:11Z")
        )
        let automation = try StoreRows.insertGroup(
            db,
            ValidatedGroup(
                name: "Automation",
                description: "Integraciones y automatización (fracttal CLI)",
                permissions: ContractCatalog.orderedCodes
            ),
            accountsCount: 0, now: at("2024-06-01T09:00:00Z")
        )

        // Fixed keys, so that examples binding `key: NBqgHRjWA7j1KqLITd` to "consumidor alex" run as
        // written against a new store. Secrets stay random: the store keeps only their hashes.
        let consumers: [(key: String, name: String, description: String?, grantType: String, group: Int64, redirectURI: String?, hub: Bool, created: String)] = [
            ("Pd7QmX2vLk9RtW4sZa", "PERMISOS DESTINO", "Integración con el sistema destino", "client_credentials", technicians,
             nil, false, "2024-05-10T15:20:00Z"),
            ("Af3JkP8wQz5NvR1tYe", "AFJ Permisos destino", nil, "client_credentials", defaultGroup, nil, false,
             "2024-05-13T08:41:27Z"),
            ("NBqgHRjWA7j1KqLITd", "consumidor alex", nil, "client_credentials", defaultGroup, nil, false,
             "2024-05-20T17:05:09Z"),
            ("Cx6ImE2fRt8LpQ4wNa", "Conexiones API Fracttal Imè", "Conexión con el ERP de la planta", "authorization_code",
             technicians, "https://erp.example.com/oauth/callback", true, "2024-06-03T11:12:45Z"),
            ("pD9sWq3ZkV7mT2rXbe", "Permisos destino", "Pruebas de permisos (nombre repetido en minúsculas)",
             "client_credentials", technicians, nil, false, "2024-06-04T10:00:00Z"),
            ("Fb0905cNs4Kd8YhQ2m", "consumidorfabian09/05", nil, "client_credentials", defaultGroup, nil, false,
             "2024-06-05T16:30:00Z"),
            ("Pj1212Tg5Hw9Lr3VcX", "Projeto 1212", "Projeto de integração 1212", "client_credentials", defaultGroup, nil,
             false, "2024-07-15T13:45:00Z"),
        ]
        for consumer in consumers {
            try StoreRows.insertConsumer(
                db,
                ValidatedConsumer(
                    name: consumer.name, description: consumer.description, grantType: consumer.grantType,
                    groupID: consumer.group, redirectURI: consumer.redirectURI, hubEnabled: consumer.hub
                ),
                key: consumer.key,
                digest: SecretDigest(hashing: RandomText.consumerSecret()),
                now: at(consumer.created)
            )
        }
        try insertBootstrapConsumer(db, group: automation, now: at("2024-08-01T09:05:00Z"))
    }

    /// Creates `ci-bootstrap` on `group` and records its key; its secret is set on every start.
    static func insertBootstrapConsumer(_ db: Database, group: Int64, now: Date) throws {
        let key = RandomText.consumerKey()
        try StoreRows.insertConsumer(
            db,
            ValidatedConsumer(
                name: bootstrapName, description: "Consumidor de arranque del sandbox local",
                grantType: "client_credentials", groupID: group, redirectURI: nil, hubEnabled: false
            ),
            key: key, digest: SecretDigest(hashing: RandomText.consumerSecret()), now: now
        )
        try db.execute(
            sql: "INSERT OR REPLACE INTO sandbox_meta (name, value) VALUES (?, ?)",
            arguments: [bootstrapKeyEntry, key]
        )
    }

    private static func at(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }
}
