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
            .error("1️⃣", "this consumer has no `name`: add its name"),
        ])
    }

    @Test func consumerWithoutPermissionGroup() throws {
        let loaded = try expectDiagnostics("""
            version: 1
            consumers:
              - 1️⃣name: erp-sync
            """, [
            .error("1️⃣", "this consumer has no `permission_group`: add the name of the permission group it uses"),
        ])
        #expect(loaded.state.consumers.isEmpty)
    }

    @Test func groupWithoutName() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - 1️⃣description: Técnicos de campo
            """, [
            .error("1️⃣", "this permission group has no `name`: add its name"),
        ])
    }

    @Test func emptyName() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣""
            """, [
            .error("1️⃣", "`name` is empty: write 1 to 100 characters"),
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
            .error("1️⃣", "`name` has 101 characters, more than 100: shorten it"),
        ])
    }

    @Test func nameWithTrailingSpace() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣"Técnicos "
            """, [
            .error("1️⃣", "`name` starts or ends with white space: remove it, since names are taken as written"),
        ])
    }

    @Test func nameWithLeadingUnicodeWhiteSpace() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣"\u{3000}Técnicos"
            """, [
            .error("1️⃣", "`name` starts or ends with white space: remove it, since names are taken as written"),
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
            .error("1️⃣", "`description` has 501 characters, more than 500: shorten it"),
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
            .error("2️⃣", "permission group `Técnicos` is declared twice, first at {a.yaml#1️⃣}: rename or remove one", in: "b.yaml"),
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
            .error("1️⃣", "consumer `erp-sync` is declared twice, first at {2️⃣}: rename or remove one"),
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
            .warning("2️⃣", "consumer `Jose\\u{301} svc` looks the same as `Jos\\u{E9} svc` at {a.yaml#1️⃣} but is made of other Unicode code points, so they are two different consumers: rename one so that people can tell them apart", in: "b.yaml"),
            .error("3️⃣", "consumer `Jos\u{E9} svc` is declared twice, first at {a.yaml#1️⃣}: rename or remove one", in: "b.yaml"),
        ])
        #expect(loaded.state.consumers.map { Array($0.name.value.unicodeScalars) } == [
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
            .warning("2️⃣", "permission group `Te\\u{301}cnicos` is not declared in these files, but `T\\u{E9}cnicos` at {1️⃣} looks the same with other Unicode code points: write the name exactly as declared, or plan will look for `Te\\u{301}cnicos` among live groups"),
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
            .error("1️⃣", "`settings` may appear in only one document and is already set at {2️⃣}: merge the two blocks"),
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
            .error("1️⃣", "`settings` must be a mapping of keys such as `prune`, found the number `5`"),
            .error("3️⃣", "`settings` may appear in only one document and is already set at {2️⃣}: merge the two blocks"),
        ])
    }

    @Test func maxDeletePercentAboveOneHundred() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              max_delete_percent: 1️⃣150
            """, [
            .error("1️⃣", "`max_delete_percent` must be a whole number from 0 to 100, found 150"),
        ])
    }

    @Test func maxDeletePercentThatIsNotWhole() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              max_delete_percent: 1️⃣25.5
            """, [
            .error("1️⃣", "`max_delete_percent` must be a whole number from 0 to 100, found the number `25.5`"),
        ])
    }

    @Test func protectedNameWithWhiteSpace() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              protect:
                groups: [1️⃣" Default"]
            """, [
            .error("1️⃣", "each item of `protect.groups` starts or ends with white space: remove it, since names are taken as written"),
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
            .error("1️⃣", "`client_credential` is not a grant type: did you mean `client_credentials`?"),
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
            .error("1️⃣", "`password` is not a grant type: write `client_credentials` or `authorization_code`"),
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
            .error("1️⃣", "an `authorization_code` consumer needs a `redirect_uri`: add one, such as https://portal.example.com/oauth/callback"),
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
            .error("1️⃣", "`redirect_uri` is only for `authorization_code` consumers: remove it, or set `grant_type: authorization_code`"),
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
            .error("1️⃣", "`redirect_uri` may use http:// only for a loopback host (localhost, 127.0.0.1, [::1]): write https:// for `portal.example.com`"),
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
            .error("1️⃣", "`redirect_uri` must be an https:// URL with a host, such as https://portal.example.com/oauth/callback, found `portal.example.com/callback`"),
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
            .error("1️⃣", "`key` must be 16 to 20 letters and digits (A-Z, a-z, 0-9) as Fracttal shows it, found `NBqg-HRjWA7j1KqLITd`"),
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
            .error("1️⃣", "`key` must be a string, but `12345678901234567` is read as a number: quote it, \"12345678901234567\""),
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
            .error("1️⃣", "each item of `previous_names` starts or ends with white space: remove it, since names are taken as written"),
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
            .error("1️⃣", "`2026-11-01` is a date, not an instant: write 2026-11-01T00:00:00Z"),
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
            .error("1️⃣", "`2026-11-01T08:30:00` has no UTC offset: write 2026-11-01T08:30:00Z, or add an offset such as +02:00"),
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
            .error("1️⃣", "`rotate_secret_before` must be an RFC 3339 instant with a date, a time and a UTC offset, such as 2026-11-01T00:00:00Z, found `2026-02-30T00:00:00Z`"),
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
            .error("1️⃣", "`max_secret_age` must be a whole number of days or hours, at least 1, such as `90d` or `12h`, found `0d`"),
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
            .error("1️⃣", "`max_secret_age` must be a whole number of days or hours, at least 1, such as `90d` or `12h`, found `90`"),
        ])
    }

    @Test func permissionOfTheWrongForm() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                permissions: [assets:view, 1️⃣Work_Orders:View]
            """, [
            .error("1️⃣", "`Work_Orders:View` is not a permission code: write `module:action` or `module:*` in lower case, such as `work_orders:view`"),
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
            .error("1️⃣", "`assets:view` is listed twice in this group, first at {2️⃣}: remove one"),
        ])
    }

    @Test func permissionCoveredByAModuleWildcardIsAWarning() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                permissions: [1️⃣meters:view, "meters:*"]
            """, [
            .warning("1️⃣", "`meters:view` is already granted by `meters:*` in this group: remove one of them"),
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
            .warning("1️⃣", "permission group `PERMISO 1 TECNIC` is not declared in these files; plan will look for it among live groups; did you mean `PERMISO 1 TECNICO`?"),
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
            .warning("1️⃣", "permission group `técnicos` is not declared in these files; plan will look for it among live groups; did you mean `Técnicos`?"),
        ])
    }
}

