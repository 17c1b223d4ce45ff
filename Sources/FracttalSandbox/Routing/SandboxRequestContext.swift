import Hummingbird
import NIOCore

/// Who is calling: the bearer token, its consumer, and that consumer's group's permissions
/// at the time of the call.
struct Caller: Sendable {
    let token: String
    let consumerKey: String
    let permissions: Set<String>
}

/// The request context of the sandbox's routes: Hummingbird's core storage, the connection
/// (so a `lost` fault can close it), and what the `/api` middleware learned. Routes mounted
/// through a `SandboxRouteExtension` may derive a context of their own from it.
package struct SandboxRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The connection the request came on.
    package let channel: any Channel
    /// Set by the authentication middleware.
    var caller: Caller?
    /// Set by the rate-limit middleware.
    var rateLimit: RateLimitStatus?

    package init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}
