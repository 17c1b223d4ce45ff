import Foundation

/// Chooses the target from flags and the environment (docs/cli.md, "Targets and environment variables").
struct TargetResolver {
    /// The real API base URL, used when credentials are set without a base URL.
    static let defaultBaseURL = "https://app.fracttal.com/api"
    /// The real token URL.
    static let defaultTokenURL = "https://one.fracttal.com/oauth/token"
    /// Where the embedded sandbox keeps its company.
    static let embeddedSandboxPath = ".fracttal/sandbox.sqlite"

    /// The run's environment.
    private var environment: [String: String] { CommandContext.current.environment }

    /// Resolves the target; refuses the embedded sandbox in CI when `refuseSandboxInCI` is set (plan, apply, export).
    func resolve(_ options: TargetOptions, refuseSandboxInCI: Bool) throws -> Target {
        let baseURL = options.baseURL ?? nonEmpty("FRACTTAL_BASE_URL")
        let tokenURL = options.tokenURL ?? nonEmpty("FRACTTAL_TOKEN_URL")
        let hasCredentials = nonEmpty("FRACTTAL_CLIENT_ID") != nil || nonEmpty("FRACTTAL_CLIENT_SECRET") != nil
        if baseURL == nil, tokenURL == nil, !hasCredentials {
            if refuseSandboxInCI, CommandContext.current.isCI {
                throw CommandFailure(
                    .noTargetInCI,
                    "CI is set but no target is given: set FRACTTAL_BASE_URL (or --base-url) with FRACTTAL_CLIENT_ID and FRACTTAL_CLIENT_SECRET, so that CI never works against the embedded sandbox by mistake."
                )
            }
            return .embeddedSandbox(dataPath: Self.embeddedSandboxPath)
        }
        return .remote(baseURL: baseURL ?? Self.defaultBaseURL, tokenURL: tokenURL ?? Self.defaultTokenURL)
    }

    private func nonEmpty(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }
}
