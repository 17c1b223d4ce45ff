import FracttalConfig
import FracttalModel
import Testing

/// Names, descriptions, settings and the fields of groups and consumers: one rule per test.
struct ObjectDiagnosticTests {
    static let group = """

        permission_groups:
          - name: Integraciones
        """

    @Test func consumerWithoutName() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - 1️⃣permission_group: Integraciones
            """ + Self.group, [
            .error("1️⃣", "FRC120"),
        ])
    }

    @Test func consumerWithoutPermissionGroup() throws {
        let loaded = try expectDiagnostics("""
            version: 1
            consumers:
              - 1️⃣name: erp-sync
            """, [
            .error("1️⃣", "FRC120"),
        ])
        #expect(loaded.state.consumers.isEmpty)
    }

    @Test func groupWithoutName() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - 1️⃣description: Técnicos de campo
            """, [
            .error("1️⃣", "FRC120"),
        ])
    }

    @Test func emptyName() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣""
            """, [
            .error("1️⃣", "FRC129"),
        ])
    }

    @Test func nameOfMoreThanOneHundredCodePoints() throws {
        let long = String(repeating: "é", count: 101)
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣\(long)
              - name: \(String(repeating: "é", count: 100))
            """, [
            .error("1️⃣", "FRC130"),
        ])
    }

    @Test func nameWithTrailingSpace() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣"Técnicos "
            """, [
            .error("1️⃣", "FRC131"),
        ])
    }

    @Test func nameWithLeadingUnicodeWhiteSpace() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣"\u{3000}Técnicos"
            """, [
            .error("1️⃣", "FRC131"),
        ])
    }

    @Test func descriptionOfMoreThanFiveHundredCodePoints() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                description: 1️⃣\(String(repeating: "ñ", count: 501))
              - name: Otros
                description: \(String(repeating: "ñ", count: 500))
            """, [
            .error("1️⃣", "FRC132"),
        ])
    }

    @Test func groupDeclaredTwiceAcrossFiles() throws {
        try expectDiagnostics([
            "a.yaml": """
                version: 1
                permission_groups:
                  - name: 1️⃣Técnicos
                """,
            "b.yaml": """
                version: 1
                permission_groups:
                  - name: 2️⃣Técnicos
                """,
        ], [
            .error("2️⃣", "FRC133", mentioning: "{a.yaml#1️⃣}", in: "b.yaml"),
        ])
    }

    @Test func consumerDeclaredTwiceInOneFile() throws {
        let loaded = try expectDiagnostics("""
            version: 1
            consumers:
              - name: 2️⃣erp-sync
                permission_group: Integraciones
              - name: 1️⃣erp-sync
                permission_group: Integraciones
            """ + Self.group, [
            .error("1️⃣", "FRC133", mentioning: "{2️⃣}"),
        ])
        #expect(loaded.state.consumers.count == 1)
    }

    @Test func consumersWhoseNamesOnlyLookAlikeAreBothKeptWithAWarning() throws {
        // NFC "José svc" in one file, NFD "José svc" (e + U+0301) in the other, and NFC again: that one is the same name.
        let loaded = try expectDiagnostics([
            "a.yaml": """
                version: 1
                consumers:
                  - name: 1️⃣"Jos\u{E9} svc"
                    permission_group: Integraciones
                """ + Self.group,
            "b.yaml": """
                version: 1
                consumers:
                  - name: 2️⃣"Jose\u{301} svc"
                    permission_group: Integraciones
                  - name: 3️⃣Jos\u{E9} svc
                    permission_group: Integraciones
                """,
        ], [
            .warning("2️⃣", "FRC134", mentioning: "`Jose\\u{301} svc`", "`Jos\\u{E9} svc`", "{a.yaml#1️⃣}", in: "b.yaml"),
            .error("3️⃣", "FRC133", mentioning: "{a.yaml#1️⃣}", in: "b.yaml"),
        ])
        #expect(loaded.state.consumers.map { Array($0.name.unicodeScalars) } == [
            Array("Jos\u{E9} svc".unicodeScalars), Array("Jose\u{301} svc".unicodeScalars),
        ])
    }

    @Test func groupReferenceThatOnlyLooksLikeADeclaredGroup() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣"T\u{E9}cnicos"
            consumers:
              - name: a
                permission_group: 2️⃣"Te\u{301}cnicos"
            """, [
            .warning("2️⃣", "FRC149", mentioning: "`T\\u{E9}cnicos`", "{1️⃣}"),
        ])
    }

    @Test func settingsInTwoDocuments() throws {
        try expectDiagnostics("""
            version: 1
            2️⃣settings:
              prune: true
            ---
            version: 1
            1️⃣settings:
              prune: false
            """, [
            .error("1️⃣", "FRC127", mentioning: "{2️⃣}"),
        ])
    }

    @Test func settingsThatIsNotAMappingStillCountsAsTheFirst() throws {
        try expectDiagnostics("""
            version: 1
            2️⃣settings: 1️⃣5
            ---
            version: 1
            3️⃣settings: {prune: true}
            """, [
            .error("1️⃣", "FRC121"),
            .error("3️⃣", "FRC127", mentioning: "{2️⃣}"),
        ])
    }

    @Test func maxDeletePercentAboveOneHundred() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              max_delete_percent: 1️⃣150
            """, [
            .error("1️⃣", "FRC128"),
        ])
    }

    @Test func maxDeletePercentThatIsNotWhole() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              max_delete_percent: 1️⃣25.5
            """, [
            .error("1️⃣", "FRC121"),
        ])
    }

    @Test func protectedNameWithWhiteSpace() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              protect:
                groups: [1️⃣" Default"]
            """, [
            .error("1️⃣", "FRC131"),
        ])
    }

    @Test func grantTypeTypoSuggestsTheNearest() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: erp-sync
                grant_type: 1️⃣client_credential
                permission_group: Integraciones
            """ + Self.group, [
            .error("1️⃣", "FRC135", mentioning: "`client_credentials`"),
        ])
    }

    @Test func unknownGrantType() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: erp-sync
                grant_type: 1️⃣password
                permission_group: Integraciones
            """ + Self.group, [
            .error("1️⃣", "FRC135"),
        ])
    }

    @Test func authorizationCodeNeedsARedirectURI() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: portal
                grant_type: 1️⃣authorization_code
                permission_group: Integraciones
            """ + Self.group, [
            .error("1️⃣", "FRC136"),
        ])
    }

    @Test func clientCredentialsForbidsARedirectURI() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: erp-sync
                permission_group: Integraciones
                1️⃣redirect_uri: https://erp.example.com/callback
            """ + Self.group, [
            .error("1️⃣", "FRC137"),
        ])
    }

    @Test func plainHTTPRedirectToAPublicHost() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: portal
                grant_type: authorization_code
                redirect_uri: 1️⃣http://portal.example.com/callback
                permission_group: Integraciones
            """ + Self.group, [
            .error("1️⃣", "FRC139"),
        ])
    }

    @Test func redirectURIThatIsNotAURL() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: portal
                grant_type: authorization_code
                redirect_uri: 1️⃣portal.example.com/callback
                permission_group: Integraciones
            """ + Self.group, [
            .error("1️⃣", "FRC138"),
        ])
    }

    @Test func keyOfTheWrongForm() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: erp-sync
                permission_group: Integraciones
                key: 1️⃣NBqg-HRjWA7j1KqLITd
            """ + Self.group, [
            .error("1️⃣", "FRC140"),
        ])
    }

    @Test func keyOfDigitsOnlyMustBeQuoted() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: erp-sync
                permission_group: Integraciones
                key: 1️⃣12345678901234567
            """ + Self.group, [
            .error("1️⃣", "FRC123"),
        ])
    }

    @Test func previousNameWithTrailingWhiteSpace() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: erp-sync
                permission_group: Integraciones
                previous_names: [erp, 1️⃣"erp old\\t"]
            """ + Self.group, [
            .error("1️⃣", "FRC131"),
        ])
    }

    @Test func rotateSecretBeforeABareDate() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: erp-sync
                permission_group: Integraciones
                rotate_secret_before: 1️⃣2026-11-01
            """ + Self.group, [
            .error("1️⃣", "FRC142"),
        ])
    }

    @Test func rotateSecretBeforeWithoutOffset() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: erp-sync
                permission_group: Integraciones
                rotate_secret_before: 1️⃣2026-11-01T08:30:00
            """ + Self.group, [
            .error("1️⃣", "FRC143"),
        ])
    }

    @Test func rotateSecretBeforeAnImpossibleDate() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: erp-sync
                permission_group: Integraciones
                rotate_secret_before: 1️⃣2026-02-30T00:00:00Z
            """ + Self.group, [
            .error("1️⃣", "FRC144"),
        ])
    }

    @Test func maxSecretAgeOfZero() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: erp-sync
                permission_group: Integraciones
                max_secret_age: 1️⃣0d
            """ + Self.group, [
            .error("1️⃣", "FRC141"),
        ])
    }

    @Test func maxSecretAgeWithoutUnit() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: erp-sync
                permission_group: Integraciones
                max_secret_age: 1️⃣90
            """ + Self.group, [
            .error("1️⃣", "FRC141"),
        ])
    }

    @Test func permissionOfTheWrongForm() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                permissions: [assets:view, 1️⃣Work_Orders:View]
            """, [
            .error("1️⃣", "FRC145"),
        ])
    }

    @Test func permissionListedTwice() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                permissions:
                  - 2️⃣assets:view
                  - 1️⃣assets:view
            """, [
            .error("1️⃣", "FRC146", mentioning: "{2️⃣}"),
        ])
    }

    @Test func permissionCoveredByAModuleWildcardIsAWarning() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                permissions: [1️⃣meters:view, "meters:*"]
            """, [
            .warning("1️⃣", "FRC147"),
        ])
    }

    @Test func undeclaredGroupIsAWarningWithASuggestion() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: PERMISO 1 TECNICO
            consumers:
              - name: erp-sync
                permission_group: 1️⃣PERMISO 1 TECNIC
            """, [
            .warning("1️⃣", "FRC148", mentioning: "`PERMISO 1 TECNICO`"),
        ])
    }

    @Test func groupNamesCompareExactly() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
            consumers:
              - name: erp-sync
                permission_group: 1️⃣técnicos
            """, [
            .warning("1️⃣", "FRC148", mentioning: "`Técnicos`"),
        ])
    }
}

