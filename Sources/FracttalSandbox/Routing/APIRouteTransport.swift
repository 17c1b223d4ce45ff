import HTTPTypes
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime

/// Registers the generated operation handlers on the `/api` router group, except the token
/// operation: its path lies outside `/api` (another server in the OpenAPI document), so the
/// sandbox serves it with a route of its own (`TokenRoute`).
struct APIRouteTransport: ServerTransport {
    let group: RouterGroup<SandboxRequestContext>

    func register(
        _ handler: @escaping @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (
            HTTPResponse, HTTPBody?
        ),
        method: HTTPRequest.Method,
        path: String
    ) throws {
        guard path != SandboxPaths.generatedTokenPath else { return }
        group.register(handler, method: method, path: path)
    }
}
