import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Builds the answers the middleware writes itself (errors, faults, the token endpoint).
enum APIResponses {
    /// The failure as the contract's error envelope; `errors` only on 400.
    static func error(_ failure: APIFailure) -> Response {
        let body = Components.Schemas.ErrorBody(
            success: false,
            message: failure.message,
            errors: failure.status == .badRequest
                ? failure.problems.map { Components.Schemas.FieldError(field: $0.field, message: $0.message) } : nil
        )
        var response = json(body, status: failure.status)
        for field in failure.headers { response.headers.append(field) }
        return response
    }

    /// A JSON answer.
    static func json(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

extension Response {
    /// Sets the three rate-limit headers.
    mutating func setRateLimitHeaders(_ status: RateLimitStatus) {
        headers[SandboxHeaders.rateLimitLimit] = String(status.limit)
        headers[SandboxHeaders.rateLimitRemaining] = String(status.remaining)
        headers[SandboxHeaders.rateLimitReset] = String(status.resetSeconds)
    }
}
