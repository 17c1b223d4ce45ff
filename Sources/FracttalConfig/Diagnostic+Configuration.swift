import FracttalModel

/// Every message the configuration loader emits, each next to its wording.
///
/// `field` arguments are already formatted for a sentence, such as "`hub`" or
/// "each item of `permissions`"; `found` arguments describe a value, such as
/// "a list" or "the number `12`" (see `DocumentReader.describe`).
extension Diagnostic {
    // MARK: Paths and files

    /// A path given on the command line names nothing.
    static func pathNotFound(_ path: String) -> Self {
        .error("FRC101", "no file or folder at `\(path)`: name an existing configuration file or folder")
    }

    /// A folder given on the command line holds no configuration file.
    static func folderHoldsNoYAML(_ path: String) -> Self {
        .error("FRC102", "the folder `\(path)` holds no .yaml or .yml file: add one, or name the files to read")
    }

    /// A file could not be read at all.
    static func unreadableFile(_ path: String, reason: String) -> Self {
        .error("FRC103", "cannot read `\(path)` (\(reason)): check that it is a readable file")
    }

    /// A file is over the size limit and was not read.
    static func fileTooLarge(_ path: String, bytes: Int, at location: SourceLocation) -> Self {
        .error("FRC104", "`\(path)` is larger than 10 MiB (\(bytes) bytes) and was not read: split it into several files", at: location)
    }

    /// A file is not UTF-8.
    static func notUTF8(_ path: String, byteOffset: Int, at location: SourceLocation) -> Self {
        .error("FRC105", "`\(path)` is not valid UTF-8 (first bad byte at offset \(byteOffset)): save the file as UTF-8", at: location)
    }

    /// A file holds no YAML document at all.
    static func noDocument(_ path: String, at location: SourceLocation) -> Self {
        .error("FRC106", "`\(path)` holds no YAML document: start it with `version: 1`", at: location)
    }

    // MARK: YAML

    /// libyaml refused the text.
    static func yamlSyntax(_ problem: String, at location: SourceLocation) -> Self {
        .error("FRC107", "invalid YAML: \(problem)", at: location)
    }

    /// A key written again in one mapping, at the repetition.
    static func duplicateKey(_ key: String, firstLine: Int, at location: SourceLocation) -> Self {
        .error("FRC108", "the key `\(key)` is already written on line \(firstLine) of this mapping: keep only one of the two", at: location)
    }

    /// The alias bomb guard tripped at this alias.
    static func tooManyAliases(_ path: String, limit: Int, crossedBy anchor: String, at location: SourceLocation) -> Self {
        .error(
            "FRC111",
            "the alias `*\(anchor)` takes `\(path)` past \(limit) alias expansions, so the file is refused as a possible YAML bomb: write the values out instead",
            at: location
        )
    }

    /// An alias stands inside a mapping key (hashing such keys could expand a YAML bomb).
    static func aliasInKey(at location: SourceLocation) -> Self {
        .error("FRC112", "an alias is used inside a mapping key: aliases may only stand for values", at: location)
    }

    /// A YAML tag other than `!!str` on a scalar.
    static func unsupportedTag(_ tag: String, at location: SourceLocation) -> Self {
        .error("FRC113", "the YAML tag `\(tag)` is not supported here: remove it", at: location)
    }

    /// A `<<` merge key.
    static func mergeKey(at location: SourceLocation) -> Self {
        .error("FRC114", "merge keys (`<<`) are not supported: write the fields out", at: location)
    }

    /// A key that is a list or a mapping.
    static func complexKey(at location: SourceLocation) -> Self {
        .error("FRC115", "a key must be a word such as `name`, not a list or a mapping", at: location)
    }

    // MARK: Documents and keys

    /// A document's root is not a mapping.
    static func documentNotMapping(found: String, at location: SourceLocation) -> Self {
        .error("FRC116", "a document must be a mapping that starts with `version: 1`, found \(found)", at: location)
    }

    /// A document lacks `version`.
    static func missingVersion(at location: SourceLocation) -> Self {
        .error("FRC117", "this document has no `version`: add `version: 1` at its top", at: location)
    }

    /// `version` is not the number 1.
    static func unsupportedVersion(found: String, at location: SourceLocation) -> Self {
        .error("FRC118", "`version` must be the number 1, found \(found): write `version: 1`", at: location)
    }

    /// A key the language does not know, with the nearest known key when there is one.
    static func unknownKey(
        _ key: String, in context: String, suggestion: String?, allowed: [String], at location: SourceLocation
    ) -> Self {
        let code: Code = "FRC119"
        if let suggestion {
            return .error(code, "unknown key `\(key)` \(context): did you mean `\(suggestion)`?", at: location)
        }
        let list = allowed.map { "`\($0)`" }.joined(separator: ", ")
        return .error(code, "unknown key `\(key)` \(context): the keys allowed here are \(list)", at: location)
    }

    /// A required key is missing from an object.
    static func missingField(_ key: String, in object: String, hint: String, at location: SourceLocation) -> Self {
        .error("FRC120", "this \(object) has no `\(key)`: \(hint)", at: location)
    }

    // MARK: Types

    /// A value of the wrong type.
    static func wrongType(_ field: String, expected: String, found: String, at location: SourceLocation) -> Self {
        .error("FRC121", "\(field) must be \(expected), found \(found)", at: location)
    }

    /// A value with nothing in it.
    static func missingValue(_ field: String, expected: String, at location: SourceLocation) -> Self {
        .error("FRC122", "\(field) has no value: write \(expected)", at: location)
    }

    /// An unquoted scalar that YAML reads as a number or a boolean where a string is expected.
    static func needsQuotes(_ field: String, text: String, readAs kind: String, at location: SourceLocation) -> Self {
        .error("FRC123", "\(field) must be a string, but `\(text)` is read as a \(kind): quote it, \"\(text)\"", at: location)
    }

    /// A quoted `"true"` or `"false"` where a boolean is expected.
    static func booleanQuoted(_ field: String, text: String, at location: SourceLocation) -> Self {
        .error("FRC124", "\(field) must be true or false without quotes, found the string \"\(text)\"", at: location)
    }

    /// `True`, `FALSE` and the like: YAML 1.2 allows them, this language takes lower case only.
    static func booleanCase(_ field: String, text: String, at location: SourceLocation) -> Self {
        .error("FRC125", "\(field) must be `true` or `false` in lower case, found `\(text)`: write `\(text.lowercased())`", at: location)
    }

    /// `yes`, `on` and the other YAML 1.1 booleans, which YAML 1.2 reads as strings.
    static func booleanYAML11(_ field: String, text: String, at location: SourceLocation) -> Self {
        .error("FRC126", "\(field) must be `true` or `false`; `\(text)` is not a boolean in YAML 1.2", at: location)
    }

    // MARK: Settings

    /// A second `settings` block.
    static func duplicateSettings(first: SourceLocation, at location: SourceLocation) -> Self {
        .error("FRC127", "`settings` may appear in only one document and is already set at \(first): merge the two blocks", at: location)
    }

    /// `max_delete_percent` out of 0...100.
    static func percentOutOfRange(_ text: String, at location: SourceLocation) -> Self {
        .error("FRC128", "`max_delete_percent` must be a whole number from 0 to 100, found \(text)", at: location)
    }

    // MARK: Names and descriptions

    /// An empty name.
    static func emptyName(_ field: String, at location: SourceLocation) -> Self {
        .error("FRC129", "\(field) is empty: write 1 to 100 characters", at: location)
    }

    /// A name over 100 code points.
    static func nameTooLong(_ field: String, count: Int, at location: SourceLocation) -> Self {
        .error("FRC130", "\(field) has \(count) characters, more than 100: shorten it", at: location)
    }

    /// A name with leading or trailing white space.
    static func nameHasOuterWhitespace(_ field: String, at location: SourceLocation) -> Self {
        .error("FRC131", "\(field) starts or ends with white space: remove it, since names are taken as written", at: location)
    }

    /// A description over 500 code points.
    static func descriptionTooLong(count: Int, at location: SourceLocation) -> Self {
        .error("FRC132", "`description` has \(count) characters, more than 500: shorten it", at: location)
    }

    /// A name declared twice for one kind of object.
    static func duplicateName(_ kind: ResourceKind, _ name: String, first: SourceLocation, at location: SourceLocation) -> Self {
        let label = kind == .group ? "permission group" : "consumer"
        return .error("FRC133", "\(label) `\(name)` is declared twice, first at \(first): rename or remove one", at: location)
    }

    /// A name canonically equivalent to an earlier, different name of the same kind: both are kept.
    static func lookalikeName(
        _ kind: ResourceKind, _ name: String, first: String, firstLocation: SourceLocation, at location: SourceLocation
    ) -> Self {
        let label = kind == .group ? "permission group" : "consumer"
        return .warning(
            "FRC134",
            "\(label) `\(ExactName(name).escaped)` looks the same as `\(ExactName(first).escaped)` at \(firstLocation) but is made of other Unicode code points, so they are two different \(label)s: rename one so that people can tell them apart",
            at: location
        )
    }

    // MARK: Consumers

    /// A `grant_type` that is neither grant.
    static func unknownGrantType(_ text: String, suggestion: String?, at location: SourceLocation) -> Self {
        let code: Code = "FRC135"
        if let suggestion {
            return .error(code, "`\(text)` is not a grant type: did you mean `\(suggestion)`?", at: location)
        }
        return .error(
            code,
            "`\(text)` is not a grant type: write `client_credentials` or `authorization_code`", at: location
        )
    }

    /// An authorization-code consumer without `redirect_uri`.
    static func redirectURIRequired(at location: SourceLocation) -> Self {
        .error(
            "FRC136",
            "an `authorization_code` consumer needs a `redirect_uri`: add one, such as https://portal.example.com/oauth/callback",
            at: location
        )
    }

    /// A client-credentials consumer with `redirect_uri`.
    static func redirectURIForbidden(at location: SourceLocation) -> Self {
        .error(
            "FRC137",
            "`redirect_uri` is only for `authorization_code` consumers: remove it, or set `grant_type: authorization_code`",
            at: location
        )
    }

    /// A `redirect_uri` that is not an absolute http(s) URL with a host.
    static func redirectURIInvalid(_ text: String, at location: SourceLocation) -> Self {
        .error(
            "FRC138",
            "`redirect_uri` must be an https:// URL with a host, such as https://portal.example.com/oauth/callback, found `\(text)`",
            at: location
        )
    }

    /// A plain-http `redirect_uri` to a host that is not loopback.
    static func redirectURIInsecure(host: String, at location: SourceLocation) -> Self {
        .error(
            "FRC139",
            "`redirect_uri` may use http:// only for a loopback host (localhost, 127.0.0.1, [::1]): write https:// for `\(host)`",
            at: location
        )
    }

    /// A `key` that cannot be a Fracttal consumer key.
    static func invalidKey(_ text: String, at location: SourceLocation) -> Self {
        .error("FRC140", "`key` must be 16 to 20 letters and digits (A-Z, a-z, 0-9) as Fracttal shows it, found `\(text)`", at: location)
    }

    /// A `max_secret_age` that is not `<N>d` or `<N>h`.
    static func invalidSecretAge(_ text: String, at location: SourceLocation) -> Self {
        .error(
            "FRC141",
            "`max_secret_age` must be a whole number of days or hours, at least 1, such as `90d` or `12h`, found `\(text)`",
            at: location
        )
    }

    /// A bare date where an instant is expected.
    static func instantIsDate(_ text: String, at location: SourceLocation) -> Self {
        .error("FRC142", "`\(text)` is a date, not an instant: write \(text)T00:00:00Z", at: location)
    }

    /// A date and time without a UTC offset.
    static func instantWithoutOffset(_ text: String, at location: SourceLocation) -> Self {
        .error("FRC143", "`\(text)` has no UTC offset: write \(text)Z, or add an offset such as +02:00", at: location)
    }

    /// Anything else that is not an RFC 3339 instant.
    static func invalidInstant(_ text: String, at location: SourceLocation) -> Self {
        .error(
            "FRC144",
            "`rotate_secret_before` must be an RFC 3339 instant with a date, a time and a UTC offset, such as 2026-11-01T00:00:00Z, found `\(text)`",
            at: location
        )
    }

    // MARK: Permissions

    /// A permission that is neither `module:action` nor `module:*`.
    static func invalidPermission(_ text: String, at location: SourceLocation) -> Self {
        .error(
            "FRC145",
            "`\(text)` is not a permission code: write `module:action` or `module:*` in lower case, such as `work_orders:view`",
            at: location
        )
    }

    /// The same permission twice in one group.
    static func repeatedPermission(_ code: String, first: SourceLocation, at location: SourceLocation) -> Self {
        .error("FRC146", "`\(code)` is listed twice in this group, first at \(first): remove one", at: location)
    }

    /// A code that a `module:*` of the same group already grants.
    static func permissionCovered(_ code: String, by pattern: String, at location: SourceLocation) -> Self {
        .warning("FRC147", "`\(code)` is already granted by `\(pattern)` in this group: remove one of them", at: location)
    }

    // MARK: References

    /// A consumer's `permission_group` that no file declares.
    static func undeclaredGroup(_ name: String, suggestion: String?, at location: SourceLocation) -> Self {
        let hint = suggestion.map { "; did you mean `\($0)`?" } ?? ""
        return .warning(
            "FRC148",
            "permission group `\(name)` is not declared in these files; plan will look for it among live groups\(hint)",
            at: location
        )
    }

    /// A consumer's `permission_group` that no file declares exactly, though a declared group looks the same.
    static func lookalikeGroupReference(
        _ name: String, declared: String, declaredAt declaredLocation: SourceLocation, at location: SourceLocation
    ) -> Self {
        let written = ExactName(name).escaped
        return .warning(
            "FRC149",
            "permission group `\(written)` is not declared in these files, but `\(ExactName(declared).escaped)` at \(declaredLocation) looks the same with other Unicode code points: write the name exactly as declared, or plan will look for `\(written)` among live groups",
            at: location
        )
    }

    // MARK: Interpolation

    /// `${env:NAME}` with NAME unset.
    static func unsetVariable(_ name: String, at location: SourceLocation) -> Self {
        .error("FRC150", "the environment variable `\(name)` is not set: set it, or write the value in place of ${env:\(name)}", at: location)
    }

    /// `${env:NAME}` naming a variable the tool reads as a credential; its value is never read.
    static func credentialVariable(_ name: String, at location: SourceLocation) -> Self {
        .error(
            "FRC151",
            "${env:\(name)} would copy the credential this tool signs in with into plans and messages, so a configuration may not read `\(name)`: remove it, and give any value this field needs a variable of its own",
            at: location
        )
    }

    /// A `${...}` that is not `${env:NAME}`.
    static func unsupportedInterpolation(_ text: String, at location: SourceLocation) -> Self {
        .error(
            "FRC152",
            "`\(text)` is not supported: only ${env:NAME} is, with NAME made of letters, digits and _ and not starting with a digit",
            at: location
        )
    }
}
