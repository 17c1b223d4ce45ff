import Foundation
import FracttalAPI
import FracttalModel
import FracttalSandbox
import FracttalTestSupport
import Testing
import Yams

/// The CI recipes in examples/ci and the GitHub Action parse, and call only commands and flags that exist.
struct CIRecipeTests {
    static let recipes = ["examples/ci/github-actions.yml", "examples/ci/gitlab-ci.yml", "action.yml"]
    /// The fewest `fracttal SUBCOMMAND` calls each file makes; the action only prints `--version`.
    static let minimumCalls = ["action.yml": 0]

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Every string scalar of a YAML node, depth first.
    static func strings(in node: Node) -> [String] {
        switch node {
        case .scalar(let scalar): [scalar.string]
        case .mapping(let mapping): mapping.flatMap { strings(in: $0.key) + strings(in: $0.value) }
        case .sequence(let sequence): sequence.flatMap { strings(in: $0) }
        case .alias: []
        }
    }

    /// Each `fracttal SUBCOMMAND ...` invocation in the text: the subcommand and the `--flags` it uses.
    static func invocations(in text: String) -> [(subcommand: String, flags: [String])] {
        var found: [(String, [String])] = []
        for line in text.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            for (index, word) in words.enumerated() where word == "fracttal" && index + 1 < words.count {
                let subcommand = words[index + 1]
                guard subcommand.first?.isLetter == true else { continue }
                var flags: [String] = []
                for next in words[(index + 2)...] {
                    if ["|", "||", "&&", ";", ">", "2>"].contains(next) { break }
                    if next.hasPrefix("--") { flags.append(String(next.split(separator: "=")[0])) }
                }
                found.append((subcommand, flags))
            }
        }
        return found
    }

    /// The two CI recipes deliver secrets to a store helper (never a file on the runner), apply
    /// relies on that store's lock (no `--no-lock`), and the jobs that change the company also share
    /// a concurrency group (GitHub) or resource group (GitLab). The AWS helper's lock itself is held
    /// by the helpers' own tests.
    @Test(arguments: ["examples/ci/github-actions.yml", "examples/ci/gitlab-ci.yml"])
    func recipeDeliversToAStoreWithALockAndKeepsItsConcurrencyGroup(_ recipe: String) throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent(recipe), encoding: .utf8)
        let node = try #require(try Yams.compose(yaml: text), "\(recipe) is YAML")
        let store = try #require(Self.values(of: "FRACTTAL_SECRETS_OUT", in: node).first, "\(recipe) names a store")
        #expect(store == "exec:fracttal-store-aws", "\(recipe) delivers to the AWS helper, which has a lock")
        let calls = Self.strings(in: node).flatMap(Self.invocations(in:))
        #expect(calls.contains { $0.subcommand == "apply" }, "\(recipe) applies")
        for call in calls {
            #expect(!call.flags.contains("--no-lock"), "`fracttal \(call.subcommand)` relies on the store's lock (\(recipe))")
            #expect(!call.flags.contains("--secrets-out"), "`fracttal \(call.subcommand)` keeps the recipe's store (\(recipe))")
        }
        let groups = Self.values(of: "group", in: node) + Self.values(of: "resource_group", in: node)
        #expect(groups.filter { $0 == "fracttal-production" }.count == 2, "\(recipe): plan and apply share one group")
    }

    /// The string values of every mapping key named `key`, depth first.
    static func values(of key: String, in node: Node) -> [String] {
        switch node {
        case .scalar, .alias: []
        case .mapping(let mapping):
            mapping.flatMap { pair in
                (pair.key.string == key ? pair.value.string.map { [$0] } ?? [] : []) + values(of: key, in: pair.value)
            }
        case .sequence(let sequence): sequence.flatMap { values(of: key, in: $0) }
        }
    }

    @Test(arguments: recipes)
    func recipeParsesAndCallsOnlyExistingCommandsAndFlags(_ recipe: String) async throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent(recipe), encoding: .utf8)
        let node = try #require(try Yams.compose(yaml: text), "\(recipe) is YAML")
        let calls = Self.strings(in: node).flatMap(Self.invocations(in:))
        #expect(calls.count >= Self.minimumCalls[recipe, default: 4], "\(recipe) calls fracttal")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var help: [String: String] = [:]
        for call in calls {
            if help[call.subcommand] == nil {
                let result = try await FracttalProcess.run([call.subcommand, "--help"], in: folder.url)
                #expect(result.status == 0, "`fracttal \(call.subcommand)` exists (\(recipe))")
                help[call.subcommand] = result.stdout
            }
            for flag in call.flags {
                #expect(help[call.subcommand]?.contains(flag) == true, "`fracttal \(call.subcommand) \(flag)` exists (\(recipe))")
            }
        }
    }
}
