import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import Testing

/// The help article's consumers have the same keys in every new store, so that examples naming a key
/// run as written; only the bootstrap consumer's key, and every secret, are random.
struct SeedTests {
    static let articleKeys = [
        "PERMISOS DESTINO": "Pd7QmX2vLk9RtW4sZa",
        "AFJ Permisos destino": "Af3JkP8wQz5NvR1tYe",
        "consumidor alex": "NBqgHRjWA7j1KqLITd",
        "Conexiones API Fracttal Imè": "Cx6ImE2fRt8LpQ4wNa",
        "Permisos destino": "pD9sWq3ZkV7mT2rXbe",
        "consumidorfabian09/05": "Fb0905cNs4Kd8YhQ2m",
        "Projeto 1212": "Pj1212Tg5Hw9Lr3VcX",
    ]

    @Test func theArticlesConsumersHaveFixedKeysInEveryNewStore() async throws {
        var bootstrapKeys: [String] = []
        for _ in 0..<2 {
            try await TestSandbox.with { sandbox in
                let token = try await sandbox.token()
                let consumers = try await sandbox.call(.GET, "/oauth_consumers/", token: token)
                var keys: [String: String] = [:]
                for item in consumers.items {
                    if let name = item["name"] as? String, let key = item["key"] as? String { keys[name] = key }
                }
                bootstrapKeys.append(sandbox.bootstrap.key)
                keys["ci-bootstrap"] = nil
                #expect(keys == Self.articleKeys)
            }
        }
        #expect(bootstrapKeys[0] != bootstrapKeys[1], "the bootstrap consumer's key stays random")
        for key in Self.articleKeys.values {
            #expect(key.count == 18 && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }, "\(key)")
        }
    }
}
