import Hummingbird
import NIOCore

/// Injects the configured faults into `/api` calls: latency before the answer; a 503 or a 406
/// before the call has any effect; a 500, or a connection closed with no answer at all, after
/// the call took effect.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    let injector: FaultInjector

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let decision = injector.next()
        if let milliseconds = decision.latencyMilliseconds, milliseconds > 0 {
            try await Task.sleep(for: .milliseconds(milliseconds))
        }
        switch decision.kind {
        case .none:
            return try await next(request, context)
        case .errorBefore:
            return APIResponses.error(.injectedUnavailable)
        case .rateLimit:
            return APIResponses.error(.rateLimited(resetSeconds: context.rateLimit?.resetSeconds ?? 0))
        case .errorAfter:
            _ = try await next(request, context)
            return APIResponses.error(.injectedServerError)
        case .lost:
            _ = try await next(request, context)
            // Hummingbird writes the answer only after this returns: closing the connection
            // now means the client gets no status line at all.
            try? await context.channel.close()
            throw LostAnswer()
        }
    }

    /// Ends a call whose connection was closed on purpose.
    struct LostAnswer: Error {}
}
