import FracttalConcurrency
import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// Counts every HTTP request by kind and logs it at debug level: method, path, status, duration, attempt.
///
/// It never logs a header or a body, so neither a secret nor a token can reach the log.
struct RequestLogMiddleware: ClientMiddleware {
    let logger: Logger
    let metrics: MetricsRecorder
    let clock: any FracttalClock

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        metrics.countRequest(RequestKind(operationID: operationID))
        let path = baseURL.path + (request.path ?? "")
        let started = clock.now
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)",
            "path": "\(path)",
            "attempt": "\(RequestContext.attempt)",
        ]
        do {
            let (response, responseBody) = try await next(request, body, baseURL)
            metadata["status"] = "\(response.status.code)"
            metadata["duration_ms"] = "\(Self.milliseconds(clock.now - started))"
            logger.debug("\(request.method.rawValue) \(path) -> \(response.status.code)", metadata: metadata)
            return (response, responseBody)
        } catch {
            metadata["duration_ms"] = "\(Self.milliseconds(clock.now - started))"
            logger.debug("\(request.method.rawValue) \(path) -> no answer", metadata: metadata)
            throw error
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}

extension RequestKind {
    /// The kind of a generated operation.
    init(operationID: String) {
        switch operationID {
        case Operations.RequestToken.id: self = .token
        case Operations.CreateGroup.id, Operations.CreateConsumer.id: self = .create
        case Operations.ReplaceGroup.id, Operations.ReplaceConsumer.id: self = .update
        case Operations.DeleteGroup.id, Operations.DeleteConsumer.id: self = .delete
        case Operations.RotateConsumerSecret.id: self = .rotate
        default: self = .list
        }
    }
}
