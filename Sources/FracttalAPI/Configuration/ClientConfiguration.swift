import Logging

/// Everything the client needs to talk to one Fracttal company.
public struct ClientConfiguration: Sendable {
    /// The API base, for example `https://app.fracttal.com/api`.
    public var baseURL: String
    /// The token endpoint, for example `https://one.fracttal.com/oauth/token`.
    public var tokenURL: String
    /// The client id and secret (from `FRACTTAL_CLIENT_ID` / `FRACTTAL_CLIENT_SECRET`).
    public var credentials: ClientCredentials
    /// How failed calls are repeated.
    public var retryPolicy: RetryPolicy
    /// The longest one HTTP request may take before it counts as timed out.
    public var requestTimeout: Duration
    /// The most pages of one list read at the same time, once its first page has told its total.
    /// The request pacer keeps the pages in flight within what the rate limit's window has left.
    public var pageConcurrency: Int
    /// Where requests are logged (debug level: method, path, status, duration, attempt; never a secret).
    public var logger: Logger
    /// Receives what the client does on its own (rate-limit waits, retries), for progress display.
    public var events: (@Sendable (ClientEvent) -> Void)?

    /// The Fracttal API base used when none is given.
    public static let defaultBaseURL = "https://app.fracttal.com/api"
    /// The Fracttal token endpoint used when none is given.
    public static let defaultTokenURL = "https://one.fracttal.com/oauth/token"

    /// Only the credentials are required; the defaults are Fracttal's own URLs, 30-second requests and up to
    /// 128 pages of a list at once (a list of 12,800 items in one round trip after its first page).
    public init(
        baseURL: String = ClientConfiguration.defaultBaseURL,
        tokenURL: String = ClientConfiguration.defaultTokenURL,
        credentials: ClientCredentials,
        retryPolicy: RetryPolicy = .default,
        requestTimeout: Duration = .seconds(30),
        pageConcurrency: Int = 128,
        logger: Logger = Logger(label: "fracttal.api"),
        events: (@Sendable (ClientEvent) -> Void)? = nil
    ) {
        self.baseURL = baseURL
        self.tokenURL = tokenURL
        self.credentials = credentials
        self.retryPolicy = retryPolicy
        self.requestTimeout = requestTimeout
        self.pageConcurrency = max(1, pageConcurrency)
        self.logger = logger
        self.events = events
    }
}
