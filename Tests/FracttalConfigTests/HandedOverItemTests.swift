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
