import ArgumentParser

/// `--base-url` and `--token-url`: which Fracttal company a command talks to.
///
/// Credentials never come from flags: only from `FRACTTAL_CLIENT_ID` and `FRACTTAL_CLIENT_SECRET`.
struct TargetOptions: ParsableArguments {
    @Option(name: .customLong("base-url"), help: "The API base URL (or FRACTTAL_BASE_URL). Default: the embedded sandbox, or https://app.fracttal.com/api when credentials are set.")
    var baseURL: String?

    @Option(name: .customLong("token-url"), help: "The OAuth token URL (or FRACTTAL_TOKEN_URL). Default: https://one.fracttal.com/oauth/token for a real company.")
    var tokenURL: String?
}
