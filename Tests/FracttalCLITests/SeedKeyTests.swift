import Foundation
import FracttalTestSupport
import Testing

/// The documentation's examples that bind `key: NBqgHRjWA7j1KqLITd` to "consumidor alex" run as
/// written against the embedded sandbox, whose seed gives the help article's consumers fixed keys.
struct SeedKeyTests {
    /// The package root, three folders above this file.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The fenced YAML blocks of a document that bind a consumer by key.
    static func examplesBindingAKey(in document: String) throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent(document), encoding: .utf8)
        return text.components(separatedBy: "```yaml\n").dropFirst()
            .compactMap { $0.components(separatedBy: "\n```").first }
            .filter { $0.contains("key: NBqgHRjWA7j1KqLITd") }
    }

    @Test(arguments: ["README.md", "docs/configuration.md"])
    func theExampleThatBindsAKeyPlansAgainstANewEmbeddedSandbox(_ document: String) async throws {
        let examples = try Self.examplesBindingAKey(in: document)
        try #require(!examples.isEmpty, "\(document) has no example with key: NBqgHRjWA7j1KqLITd")
        for example in examples {
            try await TemporaryFolder.with { folder in
                try folder.write(example + "\n", to: "config/main.yaml")

                let result = await InProcessFracttal.run(["plan", "config"], in: folder)

                #expect(result.status == 0, "\(document): \(result)")
                #expect(!result.stderr.contains("[FRC204]"), "\(document): \(result)")
                #expect(result.stdout.contains(#"consumer["bi-portal"]"#), "\(document): \(result)")
                #expect(result.stdout.contains("consumidor alex"), "renamed from the seeded consumer: \(result)")
            }
        }
    }
}
