import AsyncHTTPClient
import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import NIOCore
import NIOHTTP1
import Testing

/// Request bodies over 1 MiB get 413 with the error envelope, on `/api` and on the token endpoint.
struct BodyLimitTests {
    static let limit = 1024 * 1024

    /// Checks a 413 with the error envelope.
    private func expectTooLarge(_ reply: Reply) {
        #expect(reply.status == 413)
        #expect(reply.object["success"] as? Bool == false)
        #expect(reply.message.contains("1 MiB"))
        #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
    }

    /// A request to `url` with `count` bytes of body, with a `Content-Length` or chunked.
    private func request(_ url: String, bytes count: Int, chunked: Bool, contentType: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: count)
        request.body = chunked ? .bytes(bytes, length: .unknown) : .bytes(bytes)
        return request
    }

    @Test(arguments: [false, true])
    func anAPIBodyOverTheLimitIs413(chunked: Bool) async throws {
        try await TestSandbox.with { sandbox in
            let token = try await sandbox.token()
            var request = request(
                sandbox.server.apiBaseURL + "/groups_permissions/", bytes: Self.limit + 1, chunked: chunked,
                contentType: "application/json"
            )
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            let reply = try await sandbox.send(request)
            expectTooLarge(reply)
            #expect(reply.headers["ratelimit-limit"] != nil)
            #expect(try await sandbox.call(.GET, "/groups_permissions/", token: token).total == 3)
        }
    }

    @Test func anAPIBodyOverTheLimitIs413EvenWithoutAToken() async throws {
        try await TestSandbox.with { sandbox in
            let request = request(
                sandbox.server.apiBaseURL + "/groups_permissions/", bytes: 2 * Self.limit, chunked: false,
                contentType: "application/json"
            )
            expectTooLarge(try await sandbox.send(request))
        }
    }

    @Test(arguments: [false, true])
    func aTokenBodyOverTheLimitIs413(chunked: Bool) async throws {
        try await TestSandbox.with { sandbox in
            var request = request(
                sandbox.server.tokenURL, bytes: Self.limit + 1, chunked: chunked,
                contentType: "application/x-www-form-urlencoded"
            )
            request.headers.add(name: "Authorization", value: TestSandbox.basic(sandbox.bootstrap))
            expectTooLarge(try await sandbox.send(request))
        }
    }

    @Test func aTokenBodyOfExactlyTheLimitIsServed() async throws {
        try await TestSandbox.with { sandbox in
            let form = "grant_type=client_credentials&padding="
            let body = form + String(repeating: "a", count: Self.limit - form.utf8.count)
            let reply = try await sandbox.requestToken(authorization: TestSandbox.basic(sandbox.bootstrap), body: body)
            #expect(reply.status == 200)
            #expect(reply.object["access_token"] is String)
        }
    }
}
