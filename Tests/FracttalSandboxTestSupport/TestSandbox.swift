import AsyncHTTPClient
import Foundation
import FracttalSandbox
import NIOCore
import NIOHTTP1

/// A sandbox on an ephemeral loopback port and an HTTP client that talks to it.
public struct TestSandbox {
    public let server: SandboxServer
    public let client: HTTPClient

    /// A test that starts and stops the server itself pairs it with a client here.
    public init(server: SandboxServer, client: HTTPClient) {
        self.server = server
        self.client = client
    }

    /// Starts a sandbox (with the routes of `routes` beside its own), runs `body`, and stops both
    /// the client and the server.
    @discardableResult
    package static func with<T>(
        _ configuration: SandboxConfiguration = SandboxConfiguration(), routes: (any SandboxRouteExtension)? = nil,
        _ body: (TestSandbox) async throws -> T
    ) async throws -> T {
        try await SandboxLauncher.with(configuration, routes: routes) { server in
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            do {
                let result = try await body(TestSandbox(server: server, client: client))
                try await client.shutdown()
                return result
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }

    public var bootstrap: SandboxCredentials { server.bootstrapCredentials }

    /// Asks the token endpoint; returns the raw reply.
    public func requestToken(
        authorization: String?, body: String = "grant_type=client_credentials",
        contentType: String = "application/x-www-form-urlencoded"
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: server.tokenURL)
        request.method = .POST
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        request.headers.add(name: "Content-Type", value: contentType)
        request.body = .bytes(Array(body.utf8))
        return try await send(request)
    }

    /// A new access token for the credentials (the bootstrap consumer's by default).
    public func token(_ credentials: SandboxCredentials? = nil) async throws -> String {
        let credentials = credentials ?? bootstrap
        let reply = try await requestToken(authorization: Self.basic(credentials))
        guard reply.status == 200, let token = reply.object["access_token"] as? String else {
            throw TokenRefused(reply: reply)
        }
        return token
    }

    /// Calls `/api` + `path` with a bearer token and an optional JSON body.
    public func call(
        _ method: APIMethod, _ path: String, token: String?, json: Any? = nil, rawBody: String? = nil,
        contentType: String = "application/json"
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: server.apiBaseURL + path)
        request.method = HTTPMethod(rawValue: method.rawValue)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let json {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(Array(try JSONSerialization.data(withJSONObject: json, options: [.fragmentsAllowed])))
        } else if let rawBody {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(Array(rawBody.utf8))
        }
        return try await send(request)
    }

    public func send(_ request: HTTPClientRequest) async throws -> Reply {
        let response = try await client.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 16 * 1024 * 1024)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return Reply(status: Int(response.status.code), headers: headers, body: Data(buffer.readableBytesView))
    }

    public static func basic(_ credentials: SandboxCredentials) -> String {
        "Basic " + Data("\(credentials.key):\(credentials.secret)".utf8).base64EncodedString()
    }
}

/// The HTTP methods the API uses.
public enum APIMethod: String, Sendable {
    case GET, POST, PUT, DELETE
}

/// An HTTP answer.
public struct Reply: Sendable {
    public let status: Int
    /// Header values by lower-cased name.
    public let headers: [String: String]
    public let body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as a JSON object (empty when it is none).
    public var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }

    /// `data` as an object.
    public var data: [String: Any] { object["data"] as? [String: Any] ?? [:] }

    /// `data` as a list of objects.
    public var items: [[String: Any]] { object["data"] as? [[String: Any]] ?? [] }

    public var total: Int? { object["total"] as? Int }

    public var message: String { object["message"] as? String ?? "" }

    /// The `field` of every entry of `errors`.
    public var errorFields: [String] {
        (object["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// The token endpoint refused the credentials a test expected to work.
public struct TokenRefused: Error, CustomStringConvertible {
    public let reply: Reply

    public var description: String { "the token endpoint answered \(reply.status): \(reply.text)" }
}
