import FracttalModel
import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Sends the generated token operation to the configured token URL, with HTTP Basic client authentication.
///
/// The OpenAPI document gives the token endpoint its own server; a company may place it anywhere,
/// so the request goes to exactly the URL the configuration names (RFC 6749 section 2.3.1).
struct TokenEndpointMiddleware: ClientMiddleware {
    /// The token endpoint, already validated.
    let tokenURL: URL
    /// The client id and secret.
    let credentials: ClientCredentials

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        var origin = URLComponents(url: tokenURL, resolvingAgainstBaseURL: false) ?? URLComponents()
        var path = origin.percentEncodedPath
        if let query = origin.percentEncodedQuery { path += "?" + query }
        request.path = path
        origin.percentEncodedPath = ""
        origin.percentEncodedQuery = nil
        request.headerFields[.authorization] = "Basic \(Self.basicValue(credentials))"
        return try await next(request, body, origin.url ?? tokenURL)
    }

    /// `base64(key:secret)` with both parts form-encoded first, as RFC 6749 section 2.3.1 asks.
    static func basicValue(_ credentials: ClientCredentials) -> String {
        let pair = "\(formEncoded(credentials.key)):\(formEncoded(credentials.secret))"
        return Data(pair.utf8).base64EncodedString()
    }

    private static func formEncoded(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._*")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
