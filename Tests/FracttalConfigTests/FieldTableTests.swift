import Foundation
import FracttalModel
import Testing
import Yams

/// The field tables against the two documents that also list the fields: the configuration's JSON Schema
/// and the API's OpenAPI document. A field added to one and not the others fails here.
struct FieldTableTests {
    /// What a live consumer keeps beside its fields: the server makes these, no declaration states them.
    static let serverKeptConsumerProperties: Set = ["key", "secret_created_at", "created_at", "updated_at"]
    /// What a live group keeps beside its fields.
    static let serverKeptGroupProperties: Set = ["id", "is_default", "accounts_count", "created_at", "updated_at"]

    static func jsonSchemaDefinition(_ name: String) throws -> [String: Any] {
        let url = SchemaAndExamplesTests.packageRoot.appendingPathComponent("schemas/fracttal.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let definitions = try #require(schema["$defs"] as? [String: Any])
        return try #require(definitions[name] as? [String: Any])
    }

    static func openAPIProperties(_ name: String) throws -> Set<String> {
        let url = SchemaAndExamplesTests.packageRoot.appendingPathComponent("schemas/openapi.yaml")
        let document = try #require(try Yams.load(yaml: String(contentsOf: url, encoding: .utf8)) as? [String: Any])
        let components = try #require(document["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: Any])
        let schema = try #require(schemas[name] as? [String: Any], "no schema \(name)")
        return Set(try #require(schema["properties"] as? [String: Any]).keys)
    }

    @Test func theConsumerTableHoldsEveryConsumerKeyOfTheJSONSchema() throws {
        let consumer = try Self.jsonSchemaDefinition("consumer")
        let properties = Set(try #require(consumer["properties"] as? [String: Any]).keys)
        #expect(properties == Set(ConsumerField.allCases.map(\.key) + ConsumerField.declarationKeys))
        let required = Set(try #require(consumer["required"] as? [String]))
        #expect(required == Set(ConsumerField.allCases.filter(\.isRequired).map(\.key)))
    }

    @Test func theGroupTableHoldsEveryGroupKeyOfTheJSONSchema() throws {
        let group = try Self.jsonSchemaDefinition("permissionGroup")
        let properties = Set(try #require(group["properties"] as? [String: Any]).keys)
        #expect(properties == Set(GroupField.allCases.map(\.key) + GroupField.declarationKeys))
    }

    @Test(arguments: ["OAuthConsumerCreate", "OAuthConsumerUpdate"])
    func theConsumerTableHoldsEveryPropertyThatACreateOrUpdateSends(_ schema: String) throws {
        #expect(try Self.openAPIProperties(schema) == Set(ConsumerField.allCases.map(\.apiName)))
    }

    @Test(arguments: ["OAuthConsumer", "OAuthConsumerWithSecret"])
    func aLiveConsumerIsItsFieldsAndWhatTheServerKeeps(_ schema: String) throws {
        let properties = try Self.openAPIProperties(schema).subtracting(["secret"])
        #expect(properties == Set(ConsumerField.allCases.map(\.apiName)).union(Self.serverKeptConsumerProperties))
    }

    @Test func theGroupTableHoldsEveryPropertyOfTheAPIsGroups() throws {
        #expect(try Self.openAPIProperties("PermissionGroupInput") == Set(GroupField.allCases.map(\.apiName)))
        #expect(try Self.openAPIProperties("PermissionGroup") == Set(GroupField.allCases.map(\.apiName)).union(Self.serverKeptGroupProperties))
    }

    @Test func everyKeyIsSpelledOnceAndInTheLanguagesOrder() {
        #expect(ConsumerField.allCases.map(\.key) == ["name", "description", "grant_type", "permission_group", "redirect_uri", "hub"])
        #expect(Set(ConsumerField.allCases.map(\.apiName)).count == ConsumerField.allCases.count)
        #expect(ConsumerField.allCases.filter(\.forcesReplacement) == [.grantType])
    }
}
