import Hummingbird
import NIOCore

/// A gateway's own rate limiter on a loopback port, as real deployments put in front of an API:
/// every `/api` call gets 429 with `Retry-After` and the gateway's JSON, not the API's envelope
/// and without its rate-limit headers.
enum RateLimitingGateway {
    /// Runs `body` with the gateway's API base URL, and stops the gateway afterwards.
    static func with(retryAfter: Int, _ body: (String) async throws -> Void) async throws {
        let router = Router()
        router.get("/api/**") { _, _ in
            Response(
                status: .tooManyRequests,
                headers: [.retryAfter: String(retryAfter), .contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"message":"Too Many Requests"}"#)))
        }
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { listening.yield($0.localAddress?.port ?? 0) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { return }
            defer { group.cancelAll() }
            try await body("http://127.0.0.1:\(port)/api")
        }
    }
}
