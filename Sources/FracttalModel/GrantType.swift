/// How an OAuth consumer obtains tokens; fixed when the consumer is created.
public enum GrantType: String, Sendable, Hashable, Codable, CaseIterable {
    /// RFC 6749 section 4.4: the integration authenticates as itself.
    case clientCredentials = "client_credentials"
    /// RFC 6749 section 4.1: a person signs in and is sent to `redirect_uri`.
    case authorizationCode = "authorization_code"
}
