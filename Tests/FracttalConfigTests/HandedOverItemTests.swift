import Foundation
@testable import FracttalConfig
import FracttalModel
import Testing

/// The items of `permission_groups` and `consumers` read while the file is still being composed:
/// the tree lets them go, and what a stop or a refusal means still holds for them.
struct HandedOverItemTests {
    @Test func handedOverItemsLeaveTheTreeAsTheyAreRead() {
        var text = "version: 1\nconsumers:\n"
        for number in 0..<1_000 {
            text += "  - name: consumer-\(number)\n    permission_group: G\n    hub: false\n"
        }
        var handedOver: [Int32] = []
        let composition = YAMLComposer.compose(
            Data(text.utf8), aliasLimit: 100, handingOverItemsOf: ["consumers"]
        ) { tree, item in
            #expect(tree.nodes[Int(item.index)].kind == .mapping)
            handedOver.append(item.index)
        }
        #expect(handedOver.count == 1_000)
        // Each item took the place of the one before: the root, `version`, `consumers` and the list.
        #expect(Set(handedOver) == [5])
        #expect(composition.tree.nodes.count == 5)
        #expect(composition.documents == [0])
    }

    @Test func theItemsOfADocumentThatAStopKeepsFromBeingReadAreForgotten() throws {
        let loaded = try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: G
            consumers:
              - name: kept
                permission_group: G
            ---
            version: 1
            consumers:
              - name: dropped
                permission_group: G
                hub: yes
              - name: also-dropped
                permission_group: G
              - name: stops
                permission_group: G
                1️⃣name: again
            """, [
            .error("1️⃣", "FRC108"),
        ])
        #expect(loaded.state.consumers.map(\.name) == ["kept"])
    }

    @Test func aFileWithAnAliasInAKeyKeepsNothingOfItsItemsButOtherFilesKeepTheirs() throws {
        let loaded = try expectDiagnostics([
            "a.yaml": """
                version: 1
                permission_groups:
                  - name: G
                consumers:
                  - name: first-file
                    permission_group: G
                """,
            "b.yaml": """
                version: 1
                permission_groups:
                  - name: H
                consumers:
                  - name: refused
                    permission_group: G
                    description: &d text
                ---
                version: 1
                1️⃣*d : value
                """,
        ], [
            .error("1️⃣", "FRC112", in: "b.yaml"),
        ])
        #expect(loaded.state.groups.map(\.name.value) == ["G"])
        #expect(loaded.state.consumers.map(\.name) == ["first-file"])
    }

    @Test func theItemsOfADocumentPastTheAliasLimitAreForgotten() throws {
        var text = "version: 1\npermission_groups:\n  - name: G\nconsumers:\n"
        for number in 0..<3 {
            text += "  - name: consumer-\(number)\n    permission_group: G\n"
        }
        text += "lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            var aliases = Array(repeating: "*a\(level - 1)", count: 10)
            if level == 2 { aliases[8] = "1️⃣" + aliases[8] }
            text += "lol\(level): &a\(level) [\(aliases.joined(separator: ", "))]\n"
        }
        let loaded = try expectDiagnostics(text, [
            .error("1️⃣", "FRC111"),
        ])
        #expect(loaded.state.consumers.isEmpty)
        #expect(loaded.state.groups.isEmpty)
    }

    @Test func afterAnItemThatDefinesAnAnchorTheRestIsReadInOrderFromTheTree() throws {
        // The first `c` is in the tree (the anchor before it stopped the hand-over), the second in a
        // later document: were that one handed over, it would be read first and be the one reported.
        let loaded = try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: G
            consumers:
              - name: a
                permission_group: G
              - name: b
                permission_group: G
                description: &shared Shared description
              - name: 1️⃣c
                permission_group: G
                description: *shared
            ---
            version: 1
            consumers:
              - name: 2️⃣c
                permission_group: G
            """, [
            .error("2️⃣", "FRC133", mentioning: "{1️⃣}"),
        ])
        #expect(loaded.state.consumers.map(\.name) == ["a", "b", "c"])
        #expect(loaded.state.consumers.map(\.description) == [nil, "Shared description", "Shared description"])
    }

    @Test func aListWithAnAnchorIsReadFromTheTreeAndWhatFollowsItComesAfter() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: G
            consumers: &all
              - name: 1️⃣a
                permission_group: G
            ---
            version: 1
            consumers:
              - name: 2️⃣a
                permission_group: G
            """, [
            .error("2️⃣", "FRC133", mentioning: "{1️⃣}"),
        ])
    }

    @Test func aListNamedByAnAliasIsReadFromTheTreeAndWhatFollowsItComesAfter() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: G
            3️⃣spare: &list
              - name: 1️⃣a
                permission_group: G
            consumers: *list
            ---
            version: 1
            consumers:
              - name: 2️⃣a
                permission_group: G
            """, [
            .error("3️⃣", "FRC119"),
            .error("2️⃣", "FRC133", mentioning: "{1️⃣}"),
        ])
    }

    @Test func anItemThatIsNotAMappingStopsTheHandOverAndIsReportedInItsPlace() throws {
        let loaded = try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: G
            consumers:
              - name: a
                permission_group: G
              - 1️⃣just-a-name
              - name: b
                permission_group: G
              - name: 2️⃣a
                permission_group: G
            """, [
            .error("1️⃣", "FRC121"),
            .error("2️⃣", "FRC133"),
        ])
        #expect(loaded.state.consumers.map(\.name) == ["a", "b"])
    }
}

/// Random configuration texts, each read with and without the hand-over: the declarations and every
/// diagnostic must be the same.
struct HandedOverItemAgreementTests {
    @Test(arguments: 0..<4)
    func handingOverChangesNothingOnRandomTexts(batch: Int) {
        for seed in (batch * 100)..<(batch * 100 + 100) {
            var generator = RandomConfiguration(seed: UInt64(seed))
            let texts = [generator.file(), generator.file()]
            let interpolator = EnvironmentInterpolator(environment: [:])
            var reference = DeclarationCollector()
            var handedOver = DeclarationCollector()
            var expected: [Diagnostic] = []
            var found: [Diagnostic] = []
            for (number, text) in texts.enumerated() {
                let path = "random-\(seed)-\(number).yaml"
                expected += ConfigurationLoader.read(
                    Data(text.utf8), path: path, interpolator: interpolator, into: &reference, handsOverItems: false)
                found += ConfigurationLoader.read(Data(text.utf8), path: path, interpolator: interpolator, into: &handedOver)
            }
            // As `load` answers them: sorted by place, in the order emitted among equals.
            let expectedLines = ConfigurationLoader.sorted(expected + reference.referenceWarnings()).map(\.description)
            let foundLines = ConfigurationLoader.sorted(found + handedOver.referenceWarnings()).map(\.description)
            #expect(foundLines == expectedLines, "seed \(seed):\n\(texts.joined(separator: "\n#----\n"))")
            #expect(handedOver.state == reference.state, "seed \(seed)")
        }
    }
}

/// Configuration files made of the pieces that matter to the hand-over: several documents, lists
/// written in either order, repeated names, anchors and aliases in items and on lists, items that
/// are not mappings, repeated keys, aliases in keys, syntax errors.
private struct RandomConfiguration {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
    }

    /// A number below `bound` (splitmix64).
    private mutating func below(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((value ^ (value >> 31)) % UInt64(bound))
    }

    private mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    private mutating func pick(_ choices: [String]) -> String { choices[below(choices.count)] }

    mutating func file() -> String {
        (0..<(1 + below(3))).map { _ in document() }.joined(separator: "---\n")
    }

    private mutating func document() -> String {
        var lines = chance(95) ? ["version: 1"] : []
        if chance(20) { lines.append("settings:\n  prune: false") }
        for list in chance(70) ? ["groups", "consumers"] : ["consumers", "groups"] {
            if list == "groups", chance(80) {
                lines.append("permission_groups:" + (chance(5) ? " &groups" : ""))
                for _ in 0..<below(3) { lines.append("  - name: \(pick(["G", "H", "G"]))\n    permissions: [assets:view]") }
                if chance(5) { lines.append("  - just-a-string") }
            }
            if list == "consumers", chance(90) {
                if chance(4) {
                    lines.append("consumers: *groups")
                    continue
                }
                lines.append("consumers:" + (chance(5) ? " &all" : ""))
                for number in 0..<below(7) { lines.append(consumer(number)) }
            }
        }
        if chance(5) { lines.append("version: 1") }
        if chance(3) { lines.append("*d : x") }
        if chance(3) { lines.append("bad: [unclosed") }
        if chance(3) { lines.append("other: *all") }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func consumer(_ number: Int) -> String {
        if chance(3) { return "  - *d" }
        if chance(3) { return "  - [a, b]" }
        var lines = ["  - name: c\(chance(30) ? number % 3 : number)"]
        if chance(95) { lines.append("    permission_group: \(pick(["G", "H", "Missing"]))") }
        if chance(40) { lines.append("    description: \(pick(["plain text", "&d anchored", "*d", "\"quoted\"", "yes"]))") }
        if chance(20) { lines.append("    hub: \(pick(["true", "false", "yes", "\"true\""]))") }
        if chance(4) { lines.append("    name: again") }
        if chance(3) { lines.append("    unknown: 1") }
        return lines.joined(separator: "\n")
    }
}
