import FracttalSandbox
import Hummingbird
import NIOCore

/// The request context of the console's routes, made from the sandbox's for every request under
/// `/console`: Hummingbird's core storage (with the path's parameters), the peer, and what the
/// console's guard learned.
struct ConsoleRequestContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The address the request came from.
    let peer: SocketAddress?
    /// Set by the console's guard.
    var visit: ConsoleVisit?

    init(context: SandboxRequestContext) {
        self.coreContext = context.coreContext
        self.peer = context.channel.remoteAddress
    }
}
