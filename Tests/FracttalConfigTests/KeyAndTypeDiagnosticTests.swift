import FracttalConfig
import FracttalModel
import Testing

/// Unknown keys, versions and value types: one rule per test.
struct KeyAndTypeDiagnosticTests {
    @Test func unknownKeySuggestsTheNearestKey() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: erp-sync
                permission_group: 2️⃣Integraciones
                1️⃣permision_group: Integraciones
            """, [
            .error("1️⃣", "FRC119", mentioning: "`permission_group`"),
            .warning("2️⃣", "FRC148"),
        ])
    }

    @Test func unknownKeyWithoutANearKeyListsTheAllowedKeys() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                1️⃣colour: red
            """, [
            .error("1️⃣", "FRC119", mentioning: "`name`, `description`, `permissions`"),
        ])
    }

    @Test func unknownTopLevelKeySuggestsTheNearestKey() throws {
        try expectDiagnostics("""
            version: 1
            1️⃣consumer: []
            """, [
            .error("1️⃣", "FRC119", mentioning: "`consumers`"),
        ])
    }

    @Test func unknownSettingsKey() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              1️⃣purne: true
            """, [
            .error("1️⃣", "FRC119", mentioning: "`prune`"),
        ])
    }

    @Test func missingVersionIsReportedAtTheDocumentStart() throws {
        try expectDiagnostics("""
            # a comment
            1️⃣consumers: []
            """, [
            .error("1️⃣", "FRC117"),
        ])
    }

    @Test func versionOtherThanOne() throws {
        try expectDiagnostics("""
            version: 1️⃣2
            """, [
            .error("1️⃣", "FRC118"),
        ])
    }

    @Test func quotedVersion() throws {
        try expectDiagnostics("""
            version: 1️⃣"1"
            """, [
            .error("1️⃣", "FRC118"),
        ])
    }

    @Test func documentThatIsAList() throws {
        try expectDiagnostics("""
            1️⃣- version: 1
            """, [
            .error("1️⃣", "FRC116"),
        ])
    }

    @Test func yesIsNotABoolean() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              prune: 1️⃣yes
            """, [
            .error("1️⃣", "FRC126"),
        ])
    }

    @Test func onIsNotABoolean() throws {
        try expectDiagnostics("""
            version: 1
            consumers:
              - name: erp-sync
                permission_group: Integraciones
                hub: 1️⃣on
            permission_groups:
              - name: Integraciones
            """, [
            .error("1️⃣", "FRC126"),
        ])
    }

    @Test func quotedTrueIsAString() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              prune: 1️⃣"true"
            """, [
            .error("1️⃣", "FRC124"),
        ])
    }

    @Test func capitalisedTrueIsRefused() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              prune: 1️⃣True
            """, [
            .error("1️⃣", "FRC125"),
        ])
    }

    @Test func numberWhereABooleanIsExpected() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              prune: 1️⃣1
            """, [
            .error("1️⃣", "FRC121"),
        ])
    }

    @Test func unquotedNumberAsANameMustBeQuoted() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣1212
            """, [
            .error("1️⃣", "FRC123"),
        ])
    }

    @Test func unquotedBooleanAsANameMustBeQuoted() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣false
            """, [
            .error("1️⃣", "FRC123"),
        ])
    }

    @Test func numberAsADescriptionMustBeQuoted() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                description: 1️⃣2024
            """, [
            .error("1️⃣", "FRC123"),
        ])
    }

    @Test func listWhereAStringIsExpected() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣[a, b]
            """, [
            .error("1️⃣", "FRC121"),
        ])
    }

    @Test func stringWhereAListIsExpected() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                permissions: 1️⃣assets:view
            """, [
            .error("1️⃣", "FRC121"),
        ])
    }

    @Test func emptyListValueHasNoValue() throws {
        try expectDiagnostics("""
            version: 1
            consumers:1️⃣
            """, [
            .error("1️⃣", "FRC122"),
        ])
    }

    @Test func protectListsMustBeLists() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              protect:
                consumers: 1️⃣ci-bootstrap
            """, [
            .error("1️⃣", "FRC121"),
        ])
    }

    @Test func mergeKeysAreRefused() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                1️⃣<<: {description: x}
            """, [
            .error("1️⃣", "FRC114"),
        ])
    }

    @Test func explicitTagsAreRefused() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣!!int "12"
            """, [
            .error("1️⃣", "FRC113"),
        ])
    }

    @Test func aListAsAKeyIsRefused() throws {
        try expectDiagnostics("""
            version: 1
            1️⃣[a, b]: c
            """, [
            .error("1️⃣", "FRC115"),
        ])
    }
}
