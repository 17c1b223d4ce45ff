/// How the secrets file is written (`--secrets-format`).
public enum SecretsFormat: String, Sendable, Hashable, CaseIterable {
    /// `{ "<name>": {"key": ..., "secret": ...} }`, sorted keys, pretty.
    case json
    /// `FRACTTAL_<NAME>_KEY=...` and `FRACTTAL_<NAME>_SECRET=...` lines.
    case env
}
