import Hummingbird
import NIOCore

/// Injects the configured faults into `/api` calls: latency before the answer; a 503, a 406 or
/// a proxy's HTML page before the call has any effect; a 500, a proxy's HTML page, a held
/// answer, or a connection closed with no answer at all, after the call took effect; or a
/// connection closed at once and the call made later, as by a backend its proxy gave up on.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    let injector: FaultInjector
    /// The wait of `hold_after` and `late_commit`, in milliseconds.
    let delayMilliseconds: Int
    /// Where held answers and late commits are counted.
    let events: SandboxEvents

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let decision = injector.next()
        if let milliseconds = decision.latencyMilliseconds, milliseconds > 0 {
            try await Task.sleep(for: .milliseconds(milliseconds))
        }
        switch decision.kind {
        case nil:
            return try await next(request, context)
        case .errorBefore:
            return APIResponses.error(.injectedUnavailable)
        case .rateLimit:
            return APIResponses.error(.rateLimited(resetSeconds: context.rateLimit?.resetSeconds ?? 0))
        case .gatewayBefore:
            throw GatewayPage(status: decision.gatewayStatus ?? .badGateway)
        case .errorAfter:
            _ = try await next(request, context)
            return APIResponses.error(.injectedServerError)
        case .gatewayAfter:
            _ = try await next(request, context)
            throw GatewayPage(status: decision.gatewayStatus ?? .badGateway)
        case .holdAfter:
            let response = try await next(request, context)
            events.heldAnswers.increment()
            if request.method != .get { events.heldChanges.increment() }
            await FaultPause.wait(milliseconds: delayMilliseconds)
            return response
        case .lost:
            _ = try await next(request, context)
            // Hummingbird writes the answer only after this returns: closing the connection
            // now means the client gets no status line at all.
            try? await context.channel.close()
            throw LostAnswer()
        case .lateCommit:
            // The body is read while the connection is still open; the handler then runs on
            // after the close, since Hummingbird does not cancel a request's task when its
            // connection goes away.
            var request = request
            _ = try await request.collectBody(upTo: BodyLimitMiddleware.maxBytes)
            try? await context.channel.close()
            await FaultPause.wait(milliseconds: delayMilliseconds)
            _ = try? await next(request, context)
            events.lateCommits.increment()
            throw LostAnswer()
        }
    }

    /// Ends a call whose connection was closed on purpose.
    struct LostAnswer: Error {}
}
