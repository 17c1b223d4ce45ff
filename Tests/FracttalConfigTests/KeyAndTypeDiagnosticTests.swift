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
            .error("1️⃣", "unknown key `permision_group` in a consumer: did you mean `permission_group`?"),
            .warning("2️⃣", "permission group `Integraciones` is not declared in these files; plan will look for it among live groups"),
        ])
    }

    @Test func unknownKeyWithoutANearKeyListsTheAllowedKeys() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                1️⃣colour: red
            """, [
            .error("1️⃣", "unknown key `colour` in a permission group: the keys allowed here are `name`, `description`, `permissions`"),
        ])
    }

    @Test func unknownTopLevelKeySuggestsTheNearestKey() throws {
        try expectDiagnostics("""
            version: 1
            1️⃣consumer: []
            """, [
            .error("1️⃣", "unknown key `consumer` at the top of a document: did you mean `consumers`?"),
        ])
    }

    @Test func unknownSettingsKey() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              1️⃣purne: true
            """, [
            .error("1️⃣", "unknown key `purne` in `settings`: did you mean `prune`?"),
        ])
    }

    @Test func missingVersionIsReportedAtTheDocumentStart() throws {
        try expectDiagnostics("""
            # a comment
            1️⃣consumers: []
            """, [
            .error("1️⃣", "this document has no `version`: add `version: 1` at its top"),
        ])
    }

    @Test func versionOtherThanOne() throws {
        try expectDiagnostics("""
            version: 1️⃣2
            """, [
            .error("1️⃣", "`version` must be the number 1, found the number `2`: write `version: 1`"),
        ])
    }

    @Test func quotedVersion() throws {
        try expectDiagnostics("""
            version: 1️⃣"1"
            """, [
            .error("1️⃣", "`version` must be the number 1, found the string \"1\": write `version: 1`"),
        ])
    }

    @Test func documentThatIsAList() throws {
        try expectDiagnostics("""
            1️⃣- version: 1
            """, [
            .error("1️⃣", "a document must be a mapping that starts with `version: 1`, found a list"),
        ])
    }

    @Test func yesIsNotABoolean() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              prune: 1️⃣yes
            """, [
            .error("1️⃣", "`prune` must be `true` or `false`; `yes` is not a boolean in YAML 1.2"),
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
            .error("1️⃣", "`hub` must be `true` or `false`; `on` is not a boolean in YAML 1.2"),
        ])
    }

    @Test func quotedTrueIsAString() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              prune: 1️⃣"true"
            """, [
            .error("1️⃣", "`prune` must be true or false without quotes, found the string \"true\""),
        ])
    }

    @Test func capitalisedTrueIsRefused() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              prune: 1️⃣True
            """, [
            .error("1️⃣", "`prune` must be `true` or `false` in lower case, found `True`: write `true`"),
        ])
    }

    @Test func numberWhereABooleanIsExpected() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              prune: 1️⃣1
            """, [
            .error("1️⃣", "`prune` must be `true` or `false`, found the number `1`"),
        ])
    }

    @Test func unquotedNumberAsANameMustBeQuoted() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣1212
            """, [
            .error("1️⃣", "`name` must be a string, but `1212` is read as a number: quote it, \"1212\""),
        ])
    }

    @Test func unquotedBooleanAsANameMustBeQuoted() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣false
            """, [
            .error("1️⃣", "`name` must be a string, but `false` is read as a boolean: quote it, \"false\""),
        ])
    }

    @Test func numberAsADescriptionMustBeQuoted() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                description: 1️⃣2024
            """, [
            .error("1️⃣", "`description` must be a string, but `2024` is read as a number: quote it, \"2024\""),
        ])
    }

    @Test func listWhereAStringIsExpected() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣[a, b]
            """, [
            .error("1️⃣", "`name` must be a string, found a list"),
        ])
    }

    @Test func stringWhereAListIsExpected() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                permissions: 1️⃣assets:view
            """, [
            .error("1️⃣", "`permissions` must be a list of permission codes, found the string \"assets:view\""),
        ])
    }

    @Test func emptyListValueHasNoValue() throws {
        try expectDiagnostics("""
            version: 1
            consumers:1️⃣
            """, [
            .error("1️⃣", "`consumers` has no value: write a list of consumers"),
        ])
    }

    @Test func protectListsMustBeLists() throws {
        try expectDiagnostics("""
            version: 1
            settings:
              protect:
                consumers: 1️⃣ci-bootstrap
            """, [
            .error("1️⃣", "`protect.consumers` must be a list of names, found the string \"ci-bootstrap\""),
        ])
    }

    @Test func mergeKeysAreRefused() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: Técnicos
                1️⃣<<: {description: x}
            """, [
            .error("1️⃣", "merge keys (`<<`) are not supported: write the fields out"),
        ])
    }

    @Test func explicitTagsAreRefused() throws {
        try expectDiagnostics("""
            version: 1
            permission_groups:
              - name: 1️⃣!!int "12"
            """, [
            .error("1️⃣", "the YAML tag `!!int` is not supported here: remove it"),
        ])
    }

    @Test func aListAsAKeyIsRefused() throws {
        try expectDiagnostics("""
            version: 1
            1️⃣[a, b]: c
            """, [
            .error("1️⃣", "a key must be a word such as `name`, not a list or a mapping"),
        ])
    }
}
