import Hummingbird
import NIOCore

/// Refuses a request body over 1 MiB with 413 and the error envelope, before any other work.
/// A `Content-Length` over the limit is refused unread; any other body is read up to the
/// limit and no further, then kept in the request for the routes behind.
package struct BodyLimitMiddleware: RouterMiddleware {
    package typealias Context = SandboxRequestContext

    /// The largest body the sandbox accepts: 1 MiB.
    package static let maxBytes = 1024 * 1024

    /// Writes the (uncharged) rate-limit headers on a refusal, as every `/api` answer has them;
    /// nil for the token endpoint.
    let limiter: RateLimitEnforcer?

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Self.maxBytes {
            return refusal()
        }
        var request = request
        do {
            _ = try await request.collectBody(upTo: Self.maxBytes)
        } catch is NIOTooManyBytesError {
            return refusal()
        }
        return try await next(request, context)
    }

    private func refusal() -> Response {
        var response = APIResponses.error(.bodyTooLarge(maxBytes: Self.maxBytes))
        if let limiter { response.setRateLimitHeaders(limiter.uncharged()) }
        return response
    }
}
