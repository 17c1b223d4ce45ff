import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime

/// The sandbox's components and the router that serves them.
struct SandboxComponents: Sendable {
    let store: SandboxStore
    let tokens: TokenStore
    let limiter: RateLimitEnforcer
    let injector: FaultInjector
    let events: SandboxEvents
    let clock: any SandboxClock
    let tokenTTL: Int
    /// The wait of the `hold_after` and `late_commit` faults, in milliseconds.
    let faultDelayMilliseconds: Int
    /// Routes the caller of `start` mounts beside the sandbox's own (the console), if any.
    let routes: (any SandboxRouteExtension)?

    /// `/oauth/token` behind the body limit, under `/api` the generated operations behind
    /// the body limit, authentication, the rate limit, faults and the error envelope
    /// (outermost first), then the routes of `routes`.
    func makeRouter() throws -> Router<SandboxRequestContext> {
        let router = Router(context: SandboxRequestContext.self)
        router.group()
            .add(middleware: BodyLimitMiddleware(limiter: nil))
            .post(RouterPath(SandboxPaths.token)) { request, context in
                try await TokenRoute(store: store, tokens: tokens, ttlSeconds: tokenTTL).handle(request, context: context)
            }
        let api = router.group(RouterPath(SandboxPaths.apiPrefix))
            .add(middleware: BodyLimitMiddleware(limiter: limiter))
            .add(middleware: AuthenticationMiddleware(tokens: tokens, store: store, limiter: limiter, requests: events.requests))
            .add(middleware: RateLimitMiddleware(limiter: limiter))
            .add(middleware: FaultMiddleware(injector: injector, delayMilliseconds: faultDelayMilliseconds, events: events))
            .add(middleware: APIErrorMiddleware())
        try APIHandler(store: store, clock: clock).registerHandlers(
            on: APIRouteTransport(group: api), serverURL: URL(string: "/")!,
            configuration: Configuration(dateTranscoder: RFC3339Transcoder(), jsonEncodingOptions: [.sortedKeys])
        )
        for method: HTTPRequest.Method in [.get, .post, .put, .delete, .patch] {
            api.on("**", method: method) { _, _ -> Response in throw APIFailure.unknownPath }
        }
        try routes?.register(on: router, store: store, clock: clock)
        return router
    }
}
