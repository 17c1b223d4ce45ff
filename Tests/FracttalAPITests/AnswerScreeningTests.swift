import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing
@testable import FracttalAPI

struct AnswerScreeningTests {
    @Test func retryAfterTakesSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(RetryAfter.seconds(from: "120", now: now) == 120)
        #expect(RetryAfter.seconds(from: " 0 ", now: now) == 0)
        #expect(RetryAfter.seconds(from: "Sun, 06 Nov 1994 08:49:37 GMT", now: now) == 0)
        #expect(RetryAfter.seconds(from: "Sun, 06 Nov 1994 08:50:07 GMT", now: now) == 30)
        #expect(RetryAfter.seconds(from: "Sat, 05 Nov 1994 08:49:37 GMT", now: now) == 0, "a date in the past waits nothing")
        #expect(RetryAfter.seconds(from: "Thu, 29 Feb 2024 23:59:59 GMT", now: Date(timeIntervalSince1970: 1_709_251_199)) == 0)
        #expect(RetryAfter.seconds(from: "soon", now: now) == nil)
        #expect(RetryAfter.seconds(from: "Sun, 06 Nov 1994 25:49:37 GMT", now: now) == nil)
    }

    @Test func onlyJSONMediaTypesCountAsTheAPIsAnswer() {
        #expect(AnswerScreeningMiddleware.isJSON("application/json"))
        #expect(AnswerScreeningMiddleware.isJSON("Application/JSON; charset=utf-8"))
        #expect(AnswerScreeningMiddleware.isJSON("application/problem+json"))
        #expect(!AnswerScreeningMiddleware.isJSON("text/html"))
        #expect(!AnswerScreeningMiddleware.isJSON("text/html; charset=utf-8"))
        #expect(!AnswerScreeningMiddleware.isJSON(nil))
    }

    @Test func aProxyPageOnAStatusThatMayPassIsScreenedAndOthersPassThrough() async throws {
        func screen(_ status: Int, _ contentType: String?, retryAfter: String? = nil) async throws -> HTTPResponse {
            var response = HTTPResponse(status: .init(code: status))
            if let contentType { response.headerFields[.contentType] = contentType }
            if let retryAfter { response.headerFields[.retryAfter] = retryAfter }
            let answer = response
            let (screened, _) = try await AnswerScreeningMiddleware().intercept(
                HTTPRequest(method: .get, scheme: "https", authority: "acme.example", path: "/api/oauth_consumers/"),
                body: nil, baseURL: URL(string: "https://acme.example/api")!, operationID: "listConsumers",
                next: { _, _, _ in (answer, HTTPBody("<html>Bad Gateway</html>")) })
            return screened
        }
        for status in [502, 504, 200, 408, 429] {
            await #expect(throws: ScreenedAnswer.self) { _ = try await screen(status, "text/html") }
        }
        await #expect(throws: ScreenedAnswer.self) { _ = try await screen(503, nil) }
        #expect(try await screen(502, "application/json").status.code == 502)
        #expect(try await screen(404, "text/html").status.code == 404)
        let dated = try await screen(429, "application/json", retryAfter: "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(dated.headerFields[.retryAfter] == "0", "an HTTP date is rewritten to seconds for the generated decoder")
    }

    @Test func aBodyOverTheLimitIsRefusedWhetherItsLengthIsKnownOrNot() async throws {
        let screening = AnswerScreeningMiddleware(maximumBodyBytes: 1_000)
        let request = HTTPRequest(method: .get, scheme: "https", authority: "acme.example", path: "/api/permissions/")
        var response = HTTPResponse(status: .ok)
        response.headerFields[.contentType] = "application/json"
        let answer = response
        await #expect(throws: ScreenedAnswer.self) {
            _ = try await screening.intercept(
                request, body: nil, baseURL: URL(string: "https://acme.example/api")!, operationID: "listPermissions",
                next: { _, _, _ in (answer, HTTPBody(String(repeating: " ", count: 2_000))) })
        }
        let chunks = AsyncStream<HTTPBody.ByteChunk> { continuation in
            for _ in 0..<20 { continuation.yield(ArraySlice(repeating: UInt8(ascii: " "), count: 100)) }
            continuation.finish()
        }
        let (_, body) = try await screening.intercept(
            request, body: nil, baseURL: URL(string: "https://acme.example/api")!, operationID: "listPermissions",
            next: { _, _, _ in (answer, HTTPBody(chunks, length: .unknown)) })
        await #expect(throws: ScreenedAnswer.self) { _ = try await Data(collecting: try #require(body), upTo: 10_000) }
    }
}
