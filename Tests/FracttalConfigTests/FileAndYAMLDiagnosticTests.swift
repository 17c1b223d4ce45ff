import Foundation
import FracttalConfig
import FracttalModel
import FracttalTestSupport
import Testing

/// Files, YAML syntax, limits and interpolation: one rule per test.
struct FileAndYAMLDiagnosticTests {
    @Test func tabsForIndentation() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
            1️⃣\t- name: Técnicos
            """, [
            .error("1️⃣", "FRC107"),
        ])
    }

    @Test func syntaxErrorStillReadsTheOtherFiles() throws {
        let loaded = try expectDiagnostics([
            "a.yaml": """
                version: 1
                permission_groups:
                  - name: "Técnicos
                1️⃣
                """,
            "b.yaml": """
                version: 1
                permission_groups:
                  - name: Otros
                """,
        ], [
            .error("1️⃣", "FRC107", in: "a.yaml"),
        ])
        #expect(loaded.state.groups.map(\.name.value) == ["Otros"])
    }

    @Test func controlCharacter() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: a1️⃣\u{7}b
            """, [
            .error("1️⃣", "FRC107"),
        ])
    }

    @Test func nestingDeeperThanLibYAMLAllows() throws {
        // libyaml notices the limit at the second bracket.
        let deep = String(repeating: "[", count: 1_099) + String(repeating: "]", count: 1_100)
        try expectDiagnostics("version: 1\nx: [1️⃣\(deep)\n", [
            .error("1️⃣", "FRC107"),
        ])
    }

    @Test func documentThatIsABlockScalarShowsItEscaped() throws {
        try expectDiagnostics("--- 1️⃣|\n  first\n  second\n", [
            .error("1️⃣", "FRC116"),
        ])
    }

    @Test func sameKeyTwiceInOneMapping() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                description: x
                1️⃣name: Otros
            """, [
            .error("1️⃣", "FRC108"),
        ])
    }

    @Test func sameKeyTwiceInAFlowMappingWithQuotes() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - {"name": "Técnicos", description: x, 1️⃣'name': Otros}
            """, [
            .error("1️⃣", "FRC108"),
        ])
    }

    @Test func everyRepeatedKeyOfAMappingIsReportedAtItsRepetition() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: erp-sync
                hub: true
                permission_group: Técnicos
                1️⃣hub: false
                2️⃣name: erp
                name: sync
            """, [
            .error("1️⃣", "FRC108"),
            .error("2️⃣", "FRC108"),
        ])
    }

    @Test func repeatedKeyInANestedMappingAfterAliases() throws {
        try expectDiagnostics("""
            version: 1
            base: &base {a: 1, b: 2}
            copy: *base
            settings:
              prune: false
              protect:
                groups: [Default]
                1️⃣groups: [Otros]
            """, [
            .error("1️⃣", "FRC108"),
        ])
    }

    @Test func repeatedTopLevelKeyInTheSecondDocument() throws {
        try expectDiagnostics("""
            version: 1
            ---
            version: 1
            permission_groups: []
            1️⃣version: 1
            """, [
            .error("1️⃣", "FRC108"),
        ])
    }

    @Test func fileThatIsNotUTF8() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var bytes = Data("version: 1\npermission_groups:\n  - name: T".utf8)
        bytes.append(contentsOf: [0xE9, 0x63])  // "éc" in Latin-1
        bytes.append(Data("nicos\n".utf8))
        let path = try folder.write(bytes, to: "latin1.yaml")
        let loaded = ConfigurationLoader(environment: [:]).load(paths: [path])
        #expect(loaded.diagnostics.map(\.codeAndPlace) == ["error FRC105 at \(path):3:12"])
        #expect(loaded.diagnostics.first?.message.contains("offset 41") == true)
        #expect(loaded.files.map(\.path) == [path])
    }

    @Test func emptyFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("# nothing yet\n", to: "empty.yaml")
        let loaded = ConfigurationLoader(environment: [:]).load(paths: [path])
        #expect(loaded.diagnostics.map(\.codeAndPlace) == ["error FRC106 at \(path):1:1"])
    }

    @Test func fileWithNoBytesAtAll() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("", to: "empty.yaml")
        let loaded = ConfigurationLoader(environment: [:]).load(paths: [path])
        #expect(loaded.diagnostics.map(\.codeAndPlace) == ["error FRC106 at \(path):1:1"])
    }

    @Test func missingPath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("nowhere.yaml")
        let loaded = ConfigurationLoader(environment: [:]).load(paths: [path])
        #expect(loaded.diagnostics.map(\.codeAndPlace) == ["error FRC101 at no place"])
        #expect(loaded.files.isEmpty)
    }

    @Test func folderWithoutYAMLFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("not configuration", to: "notes.txt")
        try folder.write("version: 1\n", to: ".hidden.yaml")
        let loaded = ConfigurationLoader(environment: [:]).load(paths: [folder.url.path])
        #expect(loaded.diagnostics.map(\.codeAndPlace) == ["error FRC102 at no place"])
    }

    @Test func fileOverTenMebibytesIsRefusedUnread() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let line = "# " + String(repeating: "x", count: 1021) + "\n"  // 1 KiB
        var text = "version: 1\n"
        text.reserveCapacity(11 * 1024 * 1024 + 16)
        for _ in 0..<(11 * 1024) { text += line }
        let path = try folder.write(text, to: "big.yaml")
        let loaded = ConfigurationLoader(environment: [:]).load(paths: [path])
        #expect(loaded.diagnostics.map(\.codeAndPlace) == ["error FRC104 at \(path):1:1"])
        #expect(loaded.files.isEmpty)
    }

    @Test func billionLaughsIsRefusedAtTheAliasThatCrossesTheLimit() throws {
        var text = "version: 1\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            var aliases = Array(repeating: "*a\(level - 1)", count: 10)
            // lol1 expands 10 times; each alias of lol2 expands 11 (itself and lol1's ten): the 9th reaches 109.
            if level == 2 { aliases[8] = "1️⃣" + aliases[8] }
            text += "lol\(level): &a\(level) [\(aliases.joined(separator: ", "))]\n"
        }
        text += "consumers: *a9\n"
        try expectDiagnostics(text, [
            .error("1️⃣", "FRC111"),
        ])
    }

    @Test func aliasLimitCountsAcrossDocuments() throws {
        // 60 expansions in the first document, then the 41st alias of the second one crosses.
        var first = "version: 1\npermission_groups:\n  - {name: g0, description: &x texto, permissions: &p [assets:view]}\n"
        for index in 1...30 {
            first += "  - {name: g\(index), description: *x, permissions: *p}\n"
        }
        var second = "---\nversion: 1\nconsumers:\n  - name: c0\n    permission_group: &y g0\n"
        for index in 1...45 {
            second += "  - name: c\(index)\n    permission_group: " + (index == 41 ? "1️⃣" : "") + "*y\n"
        }
        try expectDiagnostics(first + second, [
            .error("1️⃣", "FRC111"),
        ])
    }

    /// Groups 1...count share group 0's description through an alias.
    static func groupsSharingADescription(_ count: Int) -> String {
        var text = "version: 1\npermission_groups:\n  - name: g0\n    description: &text Técnicos de campo\n"
        for index in 1...count {
            text += "  - name: g\(index)\n    description: *text\n"
        }
        return text
    }

    @Test func oneHundredAliasExpansionsAreAccepted() throws {
        let loaded = try expectDiagnostics(Self.groupsSharingADescription(100), [])
        #expect(loaded.state.groups.count == 101)
        #expect(loaded.state.groups.last?.description.value == "Técnicos de campo")
    }

    @Test func oneHundredAndOneAliasExpansionsAreRefused() throws {
        let text = Self.groupsSharingADescription(101)
        let last = text.range(of: "*text", options: .backwards)!
        let marked = text.replacingCharacters(in: last, with: "1️⃣*text")
        let loaded = try expectDiagnostics(marked, [
            .error("1️⃣", "FRC111"),
        ])
        #expect(loaded.state.groups.isEmpty)
    }

    @Test func aliasInAKeyIsRefusedBeforeComposing() throws {
        try expectDiagnostics("""
            version: 1
            base: &base [a, b]
            permission_groups:
              - name: x
                1️⃣*base : y
            """, [
            .error("1️⃣", "FRC112"),
        ])
    }

    @Test func unsetEnvironmentVariable() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                description: Técnicos de 1️⃣${env:FRACTTAL_ENV}
            """, [
            .error("1️⃣", "FRC150"),
        ])
    }

    @Test func interpolationOtherThanEnv() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣${HOME}
            """, [
            .error("1️⃣", "FRC152"),
        ])
    }

    @Test func interpolationWithABadVariableName() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: "grupo 1️⃣${env:1X}"
            """, [
            .error("1️⃣", "FRC152"),
        ], environment: ["1X": "no"])
    }

    @Test func unclosedInterpolation() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: grupo 1️⃣${env:X
            """, [
            .error("1️⃣", "FRC152"),
        ], environment: ["X": "no"])
    }

    @Test func credentialVariableIsRefusedWhenUnset() throws {
        let loaded = try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                description: clave 1️⃣${env:FRACTTAL_CLIENT_SECRET}
            """, [
            .error("1️⃣", "FRC151"),
        ])
        #expect(loaded.state.groups.first?.description.value == nil)
    }

    @Test func credentialVariableIsRefusedWhenSetAndItsValueIsNeverRead() throws {
        let secret = "s3cr3t-VALUE-that-must-not-leak"
        let loaded = try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: "1️⃣${env:FRACTTAL_CLIENT_SECRET}"
                description: 2️⃣${env:FRACTTAL_CLIENT_SECRET} y ${env:OTHER}
              - name: Otros
            consumers:
              - name: portal
                grant_type: authorization_code
                redirect_uri: https://x.example.com/3️⃣${env:FRACTTAL_CLIENT_SECRET}
                permission_group: Otros
              - name: otros
                description: ${env:OTHER}
                permission_group: Otros
            """, [
            .error("1️⃣", "FRC151"),
            .error("2️⃣", "FRC151"),
            .error("3️⃣", "FRC151"),
        ], environment: ["FRACTTAL_CLIENT_SECRET": secret, "OTHER": "otro"])
        #expect(!loaded.diagnostics.contains { $0.message.contains(secret) })
        #expect(loaded.state.groups.map(\.name.value) == ["Otros"])
        #expect(loaded.state.consumers.map(\.redirectURI) == [nil, nil])
        #expect(loaded.state.consumers.last?.description == "otro")
    }

    @Test func otherCredentialLookingNamesAreOrdinaryVariables() throws {
        // Only the variables the tool reads as credentials are refused; the client id is not a secret.
        let loaded = try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                description: ${env:FRACTTAL_CLIENT_ID} ${env:fracttal_client_secret}
            """, [], environment: ["FRACTTAL_CLIENT_ID": "NBqgHRjWA7j1KqLITd", "fracttal_client_secret": "x"])
        #expect(loaded.state.groups.first?.description.value == "NBqgHRjWA7j1KqLITd x")
    }

    @Test func everyFailedInterpolationIsReportedAtItsDollarSign() throws {
        try expectDiagnostics(#"""
            version: 1
            permission_groups:
              - name: "a\tb \x24{env:SET} 1️⃣${env:NOPE} \\ 2️⃣\x24{env:FRACTTAL_CLIENT_SECRET}"
                description: 'it''s $${env:SET} 3️⃣${HOME}'
              - name: plain $x 4️⃣${env:NOPE}
                  and on 5️⃣${env:NOPE2}
                description: |
                  first ${env:SET}
                    6️⃣${env:FRACTTAL_CLIENT_SECRET}
              - name: folded
                description: >- # a comment with ${env:NOPE} is not the value
                  text
                  7️⃣${env:NOPE3}
              - name: "joined $\
                  {env:SET} 8️⃣${env:NOPE4}"
            """#, [
            .error("1️⃣", "FRC150"),
            .error("2️⃣", "FRC151"),
            .error("3️⃣", "FRC152"),
            .error("4️⃣", "FRC150"),
            .error("5️⃣", "FRC150"),
            .error("6️⃣", "FRC151"),
            .error("7️⃣", "FRC150"),
            .error("8️⃣", "FRC150"),
        ], environment: ["SET": "set"])
    }

    @Test func lineNumbersAfterCRLFLineEnds() throws {
        try expectDiagnostics(
            "version: 1\r\n# comment\r\npermission_groups:\r\n  - name: Técnicos\r\n    1️⃣colour: red\r\n",
            [.error("1️⃣", "FRC119")]
        )
    }
}
