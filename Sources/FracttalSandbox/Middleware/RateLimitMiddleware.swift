import Hummingbird

/// Charges each authenticated `/api` call to its token's fixed window, refuses calls past the
/// limit with 406 (no effect), and writes the rate-limit headers on every answer.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    let limiter: RateLimitEnforcer

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let caller = context.caller else { return APIResponses.error(.internalError) }
        let status = limiter.consume(token: caller.token)
        var response: Response
        if status.allowed {
            var context = context
            context.rateLimit = status
            response = try await next(request, context)
        } else {
            response = APIResponses.error(.rateLimited(resetSeconds: status.resetSeconds))
        }
        response.setRateLimitHeaders(status)
        return response
    }
}
