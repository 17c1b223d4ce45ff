import Foundation
import HTTPTypes
import Hummingbird

/// Checks the bearer token of every `/api` call and finds its consumer's permissions.
/// Missing, expired and unknown tokens get 401 with `WWW-Authenticate: Bearer error="invalid_token"`;
/// such calls charge no rate-limit window and report a fresh one.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    let tokens: TokenStore
    let store: SandboxStore
    let limiter: RateLimitEnforcer
    let requests: EventCount

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        requests.increment()
        guard let token = Self.bearerToken(request.headers[.authorization]),
            let key = tokens.consumerKey(for: token),
            let permissions = try await store.permissions(ofConsumer: key)
        else {
            var response = APIResponses.error(.invalidToken)
            response.setRateLimitHeaders(limiter.uncharged())
            return response
        }
        var context = context
        context.caller = Caller(token: token, consumerKey: key, permissions: permissions)
        return try await next(request, context)
    }

    /// The token of an `Authorization: Bearer <token>` header.
    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
