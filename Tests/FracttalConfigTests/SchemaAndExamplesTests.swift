import Foundation
import FracttalConfig
import FracttalModel
import Testing

/// The embedded schema and the examples shipped with the project.
struct SchemaAndExamplesTests {
    /// The package's root folder, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func resourceEqualsTheSchemaFileAndIsValidJSON() throws {
        let text = try ConfigurationSchema.jsonText()
        let file = try Data(contentsOf: Self.packageRoot.appendingPathComponent("schemas/fracttal.schema.json"))
        #expect(Data(text.utf8) == file)
        let object = try #require(try JSONSerialization.jsonObject(with: file) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(object["additionalProperties"] as? Bool == false)
    }

    @Test func schemaFileIsASymbolicLinkToTheResource() throws {
        let link = Self.packageRoot.appendingPathComponent("schemas/fracttal.schema.json").path
        let destination = try FileManager.default.destinationOfSymbolicLink(atPath: link)
        #expect(destination == "../Sources/FracttalConfig/Resources/fracttal.schema.json")
    }

    @Test(arguments: ["quickstart", "authorization-code", "environments"])
    func exampleLoadsWithoutDiagnostics(_ name: String) throws {
        let folder = Self.packageRoot.appendingPathComponent("examples").appendingPathComponent(name).path
        let loaded = ConfigurationLoader(environment: ["FRACTTAL_ENV": "staging"]).load(paths: [folder])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(!loaded.state.consumers.isEmpty)
        #expect(!loaded.state.groups.isEmpty)
    }

    @Test func environmentsExampleNeedsItsVariable() throws {
        let folder = Self.packageRoot.appendingPathComponent("examples/environments").path
        let loaded = ConfigurationLoader(environment: [:]).load(paths: [folder])
        #expect(loaded.diagnostics.count == 4)
        #expect(loaded.diagnostics.allSatisfy { $0.message.hasPrefix("the environment variable `FRACTTAL_ENV` is not set") })
    }

    @Test func everyExampleFileNamesTheSchema() throws {
        let examples = Self.packageRoot.appendingPathComponent("examples")
        let files = try #require(FileManager.default.subpaths(atPath: examples.path)).filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("ci/") }
        #expect(files.count >= 5)
        for file in files {
            let text = try String(contentsOf: examples.appendingPathComponent(file), encoding: .utf8)
            #expect(text.hasPrefix("# yaml-language-server: $schema=../../schemas/fracttal.schema.json\n"), "\(file)")
        }
    }
}
