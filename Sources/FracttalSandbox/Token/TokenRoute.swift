import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `POST /oauth/token`: the client credentials grant (RFC 6749 section 4.4) with HTTP Basic
/// client authentication and a form body. Faults and rate limits never touch it.
struct TokenRoute: Sendable {
    let store: SandboxStore
    let tokens: TokenStore
    let ttlSeconds: Int

    func handle(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: BodyLimitMiddleware.maxBytes)
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            return Self.error("invalid_request", "the body must be application/x-www-form-urlencoded", status: .badRequest)
        }
        let form = FormBody(String(buffer: body))
        let grantTypes = form.values(of: "grant_type")
        guard grantTypes.count == 1, let grantType = grantTypes.first else {
            return Self.error("invalid_request", "give grant_type exactly once", status: .badRequest)
        }
        guard let client = BasicCredentials(header: request.headers[.authorization]) else {
            var response = Self.error(
                "invalid_client", "authenticate with HTTP Basic: the consumer key and secret", status: .unauthorized
            )
            response.headers[.wwwAuthenticate] = #"Basic realm="fracttal""#
            return response
        }
        guard grantType == "client_credentials" else {
            return Self.error("unsupported_grant_type", "only client_credentials is supported", status: .badRequest)
        }
        guard let stored = try await store.credentials(key: client.key), stored.digest.matches(client.secret),
            stored.grantType == "client_credentials"
        else {
            var response = Self.error("invalid_client", "unknown client or wrong secret", status: .unauthorized)
            response.headers[.wwwAuthenticate] = #"Basic realm="fracttal""#
            return response
        }
        let answer = Components.Schemas.TokenResponse(
            accessToken: tokens.issue(for: client.key), tokenType: "Bearer", expiresIn: ttlSeconds
        )
        return Self.noStore(APIResponses.json(answer, status: .ok))
    }

    private static func error(_ code: String, _ description: String, status: HTTPResponse.Status) -> Response {
        noStore(APIResponses.json(Components.Schemas.TokenError(error: code, errorDescription: description), status: status))
    }

    private static func noStore(_ response: Response) -> Response {
        var response = response
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("Pragma")!] = "no-cache"
        return response
    }
}

/// An `application/x-www-form-urlencoded` body.
package struct FormBody: Sendable {
    private let pairs: [(name: String, value: String)]

    package init(_ text: String) {
        pairs = text.split(separator: "&").map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// Every value given for `name`.
    package func values(of name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

/// The client id and secret of an `Authorization: Basic` header (each form-decoded, RFC 6749 2.3.1).
struct BasicCredentials: Sendable {
    let key: String
    let secret: String

    init?(header: String?) {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
            let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
            let decoded = String(data: data, encoding: .utf8),
            let colon = decoded.firstIndex(of: ":")
        else { return nil }
        let key = String(decoded[..<colon])
        let secret = String(decoded[decoded.index(after: colon)...])
        self.key = key.removingPercentEncoding ?? key
        self.secret = secret.removingPercentEncoding ?? secret
    }
}
