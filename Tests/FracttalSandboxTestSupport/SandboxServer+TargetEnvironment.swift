import FracttalSandbox

extension SandboxServer {
    /// The variables that point `fracttal` at this sandbox, signed in as its bootstrap consumer.
    public var targetEnvironment: [String: String] {
        [
            "FRACTTAL_BASE_URL": apiBaseURL,
            "FRACTTAL_TOKEN_URL": tokenURL,
            "FRACTTAL_CLIENT_ID": bootstrapCredentials.key,
            "FRACTTAL_CLIENT_SECRET": bootstrapCredentials.secret,
        ]
    }
}
