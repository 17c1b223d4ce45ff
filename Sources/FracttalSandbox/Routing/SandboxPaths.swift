import HTTPTypes

/// The sandbox's addresses and header names, in one place. The `/api` operation paths live
/// in schemas/openapi.yaml and the code generated from it.
enum SandboxPaths {
    /// The prefix of every API operation (the API base URL is `http://HOST:PORT/api`).
    static let apiPrefix = "api"
    /// The token endpoint, outside the API prefix.
    static let token = "oauth/token"
    /// The token operation's path as the generated code registers it.
    static let generatedTokenPath = "/oauth/token"
}

/// Header names the sandbox writes.
enum SandboxHeaders {
    static let rateLimitLimit = HTTPField.Name("ratelimit-limit")!
    static let rateLimitRemaining = HTTPField.Name("ratelimit-remaining")!
    static let rateLimitReset = HTTPField.Name("ratelimit-reset")!
}
