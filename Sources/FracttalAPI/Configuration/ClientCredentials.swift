/// The OAuth client id (consumer key) and secret the client authenticates with.
///
/// The command line reads them from `FRACTTAL_CLIENT_ID` and `FRACTTAL_CLIENT_SECRET`; they are never flags.
/// Its description never shows the secret.
public struct ClientCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The consumer key (OAuth client id).
    public var key: String
    /// The consumer secret.
    public var secret: String

    /// Creates credentials.
    public init(key: String, secret: String) {
        self.key = key
        self.secret = secret
    }

    /// The key and a redacted secret.
    public var description: String { "ClientCredentials(key: \(key), secret: <redacted>)" }
    /// The key and a redacted secret.
    public var debugDescription: String { description }
}
