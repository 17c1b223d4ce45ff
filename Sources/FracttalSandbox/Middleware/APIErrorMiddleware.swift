import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime

/// The innermost `/api` middleware: hands the call's scope to the generated handlers and turns
/// whatever they throw (`APIFailure`, request decoding errors) into the error envelope.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let caller = context.caller, let rateLimit = context.rateLimit else {
            return APIResponses.error(.internalError)
        }
        if let failure = Self.parameterFailure(request, context: context) { return APIResponses.error(failure) }
        do {
            return try await RequestScope.$current.withValue(RequestScope(caller: caller, rateLimit: rateLimit)) {
                try await next(request, context)
            }
        } catch {
            return APIResponses.error(Self.failure(for: error))
        }
    }

    /// Checks the path and query parameters before the generated code reads them, so that a
    /// broken one is reported by name: a group id that is no integer names no group (404), and
    /// `start`/`limit` must be integers (400).
    static func parameterFailure(_ request: Request, context: Context) -> APIFailure? {
        if let id = context.parameters.get("id"), Int64(id) == nil {
            return .groupNotFound(id)
        }
        let query = request.uri.queryParameters
        let problems = ["start", "limit"].compactMap { name -> FieldViolation? in
            guard let value = query[name[...]], Int64(value) == nil else { return nil }
            return FieldViolation(name, "must be an integer")
        }
        return problems.isEmpty ? nil : .invalid(problems)
    }

    /// The failure to answer for an error thrown by a route.
    static func failure(for error: any Error) -> APIFailure {
        switch error {
        case let failure as APIFailure:
            return failure
        case let serverError as ServerError:
            if let failure = serverError.underlyingError as? APIFailure { return failure }
            if let decodingError = serverError.underlyingError as? DecodingError {
                return .invalid([problem(for: decodingError)])
            }
            switch serverError.httpStatus {
            case .unsupportedMediaType:
                return .invalid([FieldViolation("Content-Type", "must be application/json")])
            case .notAcceptable:
                return .invalid([FieldViolation("Accept", "must accept application/json")])
            case let status where status.kind == .clientError:
                return .invalid([FieldViolation("request", serverError.causeDescription)])
            default:
                return .internalError
            }
        case let httpError as HTTPError:
            return APIFailure(status: httpError.status, message: httpError.body ?? "The request failed.")
        default:
            return .internalError
        }
    }

    /// The field and message of a JSON decoding error.
    static func problem(for error: DecodingError) -> FieldViolation {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text.isEmpty ? "body" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return FieldViolation(path(context.codingPath + [key]), "is required")
        case .valueNotFound(_, let context):
            return FieldViolation(path(context.codingPath), "must not be null")
        case .typeMismatch(_, let context):
            return context.codingPath.isEmpty
                ? FieldViolation("body", "must be a JSON object") : FieldViolation(path(context.codingPath), "has the wrong type")
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? FieldViolation("body", "is not valid JSON") : FieldViolation(path(context.codingPath), "is not valid")
        @unknown default:
            return FieldViolation("body", "could not be read")
        }
    }
}
