import FracttalModel

/// Every failure of the API client, each described by one sentence a person can act on.
public enum FracttalAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which configured address a URL error is about.
    public enum URLRole: String, Sendable, Hashable {
        /// `--base-url` / `FRACTTAL_BASE_URL`.
        case baseURL
        /// `--token-url` / `FRACTTAL_TOKEN_URL`.
        case tokenURL
    }

    /// A field the server named in a 400 answer, with its message.
    public struct FieldProblem: Sendable, Hashable, CustomStringConvertible {
        /// The request field (`body` for the body as a whole).
        public var field: String
        /// What is wrong with it.
        public var message: String

        /// A problem as a 400 answer words it; `field` is `body` when the body as a whole is wrong.
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }

        /// `field: message`.
        public var description: String { "\(field): \(message)" }
    }

    /// The address is not an http(s) URL with a host.
    case invalidURL(role: URLRole, url: String)
    /// The address uses plain http for a host that is not loopback.
    case insecureURL(role: URLRole, url: String)
    /// The token endpoint refused the client id and secret (`invalid_client`).
    case invalidClient(key: String)
    /// The token endpoint refused the request itself (`invalid_request`, `unsupported_grant_type`).
    case tokenRequestRefused(error: String, tokenURL: String)
    /// The API refused a freshly issued access token.
    case tokenRejected(operation: String)
    /// 403: the caller's permission group lacks a permission (`message` names it).
    case forbidden(operation: String, message: String, consumerKey: String, group: String?)
    /// 400: the request breaks a rule; `fields` lists what the server named.
    case invalidRequest(operation: String, message: String, fields: [FieldProblem])
    /// 404: the object does not exist.
    case notFound(operation: String, object: String)
    /// 409: something blocks the change (the server's message says what).
    case conflict(operation: String, message: String)
    /// 406/429 kept coming after the client waited for the rate limit.
    case rateLimitExhausted(operation: String, answers: Int)
    /// The server asked for a wait (`header`, in seconds) longer than the client waits at most.
    case serverWaitTooLong(header: String, seconds: Int, longestSeconds: Int)
    /// 5xx on every attempt.
    case serverError(operation: String, status: Int, message: String?, attempts: Int)
    /// No answer: the connection failed, closed or timed out on every attempt.
    case unreachable(operation: String, url: String, reason: String, attempts: Int)
    /// A list changed between its pages on every read.
    case listKeptChanging(list: String, reads: Int)
    /// The answer breaks the API contract (unknown status, undecodable body).
    case unexpectedResponse(operation: String, detail: String)
    /// Every attempt got an answer that cannot be read (not the API's JSON, or a cut body).
    case unreadableAnswer(operation: String, reason: String, attempts: Int)
    /// A create or rotation got no usable answer on every attempt, and what it may have done is unknown.
    case unconfirmed(operation: String, reason: String, attempts: Int, waitedSeconds: Int)
    /// A list route answered 404: the target does not offer the consumer and group API.
    case apiNotOffered(operation: String, url: String)

    /// One sentence that says what is wrong and what to do.
    public var description: String {
        switch self {
        case .invalidURL(let role, let url):
            return "The \(role.phrase) '\(DisplayText.url(url))' is not an http(s) address with a host: give an https:// URL such as \(role.example)."
        case .insecureURL(let role, let url):
            return "The \(role.phrase) '\(DisplayText.url(url))' uses plain http, which is allowed only for a loopback host (127.0.0.0/8, ::1, localhost): use an https:// URL."
        case .invalidClient(let key):
            return "The token endpoint refused the client credentials of key '\(key)' (invalid_client): check FRACTTAL_CLIENT_ID and FRACTTAL_CLIENT_SECRET (the consumer must exist, the secret must be its current one, and its grant type must be client_credentials)."
        case .tokenRequestRefused(let error, let tokenURL):
            return "The token endpoint \(DisplayText.url(tokenURL)) refused the token request (\(error)): check that the token URL is the Fracttal OAuth token endpoint."
        case .tokenRejected(let operation):
            return "Could not \(operation): the server refused a freshly issued access token, so check that the token URL and the API base URL belong to the same Fracttal company."
        case .forbidden(let operation, let message, let key, let group):
            let holder = group.map { "the permission group \"\($0)\"" } ?? "the permission group"
            return "Could not \(operation): the server answered 403 (\(message.clause)), so give that permission to \(holder) of the consumer '\(key)' that FRACTTAL_CLIENT_ID names, then run again."
        case .invalidRequest(let operation, let message, let fields):
            let detail = fields.isEmpty ? message.clause : fields.map(\.description.clause).joined(separator: "; ")
            return "The server refused to \(operation): \(detail)."
        case .notFound(let operation, let object):
            return "Could not \(operation): \(object) does not exist on the server (it may have been deleted meanwhile), so run plan again."
        case .conflict(let operation, let message):
            return "Could not \(operation): \(message.clause)."
        case .rateLimitExhausted(let operation, let answers):
            return "Could not \(operation): the server answered that the rate limit was exceeded \(answers) times in a row, so wait a minute and run again with fewer parallel calls."
        case .serverWaitTooLong(let header, let seconds, let longest):
            let most = longest.isMultiple(of: 60) ? "\(longest / 60) minute\(longest == 60 ? "" : "s")" : "\(longest) s"
            return "The server asked fracttal to wait \(seconds) s before its next request (\(header): \(seconds)), longer than the \(most) it waits at most, so run the command again once that time has passed."
        case .serverError(let operation, let status, let message, let attempts):
            let detail = message.map { " (\($0.clause))" } ?? ""
            return "Could not \(operation): the server answered HTTP \(status)\(detail) \(Self.times(attempts)), so try again later."
        case .unreachable(let operation, let url, let reason, let attempts):
            return "Could not \(operation): no answer from \(DisplayText.url(url)) (\(reason)) \(Self.times(attempts)), so check that the URL is right and that the server is up."
        case .listKeptChanging(let list, let reads):
            return "The \(list) kept changing while being read (\(reads) reads), so run again when nobody else is changing them."
        case .unreadableAnswer(let operation, let reason, let attempts):
            return "Could not \(operation): the server's answer could not be read (\(reason)) \(Self.times(attempts)), so try again later, and check --base-url if it persists."
        case .unconfirmed(let operation, let reason, let attempts, let waited):
            return "Could not \(operation): the answer was lost (\(reason)) \(Self.times(attempts)), and after \(waited) s of waiting its effect is still unknown; the server may still carry it out, so run apply again later from this folder (it adopts what appeared and delivers its secret)."
        case .apiNotOffered(let operation, let url):
            return "Could not \(operation): \(DisplayText.url(url)) answered 404, so it does not offer the OAuth consumer and permission group API this tool needs; check --base-url (it must end in /api), and ask Fracttal to enable that API for the company if it is right."
        case .unexpectedResponse(let operation, let detail):
            return "Could not \(operation): the server's answer does not follow the Fracttal API contract (\(detail)), so check --base-url and --token-url."
        }
    }

    private static func times(_ attempts: Int) -> String {
        attempts == 1 ? "on the only attempt" : "on all \(attempts) attempts"
    }
}

extension FracttalAPIError.URLRole {
    /// How a sentence names the address and where it comes from.
    var phrase: String {
        switch self {
        case .baseURL: "API base URL (--base-url, FRACTTAL_BASE_URL)"
        case .tokenURL: "token URL (--token-url, FRACTTAL_TOKEN_URL)"
        }
    }

    /// A good address of this role.
    var example: String {
        switch self {
        case .baseURL: ClientConfiguration.defaultBaseURL
        case .tokenURL: ClientConfiguration.defaultTokenURL
        }
    }
}

extension String {
    /// The text without trailing full stops and white space, to be embedded in a sentence.
    var clause: String {
        var text = Substring(self)
        while let last = text.last, last == "." || last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
