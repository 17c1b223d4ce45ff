import Foundation
import FracttalModel
import FracttalTestSupport
import HTTPTypes
import Logging
import OpenAPIRuntime
import Testing
@testable import FracttalAPI

/// The token endpoint's `Retry-After` is bounded like the API's: a longer wait is an error, not a sleep.
struct TokenEndpointWaitTests {
    /// Answers every token request with 429, `Retry-After` and a proxy's page, as a rate-limiting gateway would.
    struct RateLimitingGateway: ClientTransport {
        let retryAfter: String

        func send(
            _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String
        ) async throws -> (HTTPResponse, HTTPBody?) {
            var response = HTTPResponse(status: .tooManyRequests)
            response.headerFields[.contentType] = "text/html"
            response.headerFields[.retryAfter] = retryAfter
            return (response, HTTPBody("<html>Too Many Requests</html>"))
        }
    }

    private func endpoint(retryAfter: String, clock: VirtualClock) -> TokenEndpoint {
        let metrics = MetricsRecorder()
        return TokenEndpoint(
            transport: RateLimitingGateway(retryAfter: retryAfter), tokenURL: URL(string: "https://one.fracttal.example/oauth/token")!,
            logMiddleware: RequestLogMiddleware(
                logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), metrics: metrics, clock: clock),
            policy: .default, clock: clock, metrics: metrics, events: nil)
    }

    @Test func aRetryAfterBeyondFiveMinutesEndsTheTokenRequestAtOnce() async throws {
        let clock = VirtualClock()
        let credentials = ClientCredentials(key: "NBqgHRjWA7j1KqLITd", secret: "s3cr3tS3CR3Ts3cr3tS3CR3Ts3cr3tAB")

        await #expect(throws: FracttalAPIError.serverWaitTooLong(header: "Retry-After", seconds: 3_600, longestSeconds: 300)) {
            _ = try await endpoint(retryAfter: "3600", clock: clock).accessToken(for: credentials)
        }
        #expect(clock.elapsed < .seconds(300), "nothing was waited for")
    }

    @Test func aShortRetryAfterIsWaitedForAndTheRequestRepeated() async throws {
        let clock = VirtualClock()
        let credentials = ClientCredentials(key: "NBqgHRjWA7j1KqLITd", secret: "s3cr3tS3CR3Ts3cr3tS3CR3Ts3cr3tAB")

        await #expect(throws: FracttalAPIError.self) {
            _ = try await endpoint(retryAfter: "30", clock: clock).accessToken(for: credentials)
        }
        #expect(clock.elapsed >= .seconds(30), "the waits were made")
    }
}
