/// How a key or secret is written in the env secrets file so that `source` in sh and bash, `gh secret set
/// --env-file` and dotenv readers all read it back exactly and none of them runs anything.
enum EnvValue {
    /// The value as written after `=`: bare when every character is plain, else in single quotes; nil when
    /// no quoting is safe for every reader (a single quote, a line break or another control character).
    static func rendered(_ value: String) -> String? {
        if value.unicodeScalars.allSatisfy(isPlain) { return value }
        let unquotable = value.unicodeScalars.contains { $0 == "'" || $0.properties.generalCategory == .control }
        return unquotable ? nil : "'\(value)'"
    }

    /// Characters no reader treats specially outside quotes.
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "_-./:@+,".unicodeScalars.contains(scalar)
    }
}
