import Foundation
import OpenAPIRuntime

// Reduces each generated operation's output to a `CallOutcome`, the one shape the request loop handles.

/// Generated header structs that carry `ratelimit-limit`, `ratelimit-remaining` and `ratelimit-reset`.
protocol RateLimitHeaderFields {
    var ratelimitLimit: Components.Headers.RateLimitLimit { get }
    var ratelimitRemaining: Components.Headers.RateLimitRemaining { get }
    var ratelimitReset: Components.Headers.RateLimitReset { get }
}

extension RateLimitHeaderFields {
    var rateLimitInfo: RateLimitInfo {
        RateLimitInfo(limit: ratelimitLimit, remaining: ratelimitRemaining, reset: ratelimitReset)
    }
}

extension Components.Responses.BadRequest.Headers: RateLimitHeaderFields {}
extension Components.Responses.Unauthorized.Headers: RateLimitHeaderFields {}
extension Components.Responses.Forbidden.Headers: RateLimitHeaderFields {}
extension Components.Responses.NotFound.Headers: RateLimitHeaderFields {}
extension Components.Responses.RateLimited.Headers: RateLimitHeaderFields {}
extension Components.Responses.Conflict.Headers: RateLimitHeaderFields {}
extension Components.Responses.TooManyRequests.Headers: RateLimitHeaderFields {}
extension Operations.ListPermissions.Output.Ok.Headers: RateLimitHeaderFields {}
extension Operations.ListGroups.Output.Ok.Headers: RateLimitHeaderFields {}
extension Operations.CreateGroup.Output.Created.Headers: RateLimitHeaderFields {}
extension Operations.ReplaceGroup.Output.Ok.Headers: RateLimitHeaderFields {}
extension Operations.DeleteGroup.Output.Ok.Headers: RateLimitHeaderFields {}
extension Operations.ListConsumers.Output.Ok.Headers: RateLimitHeaderFields {}
extension Operations.CreateConsumer.Output.Created.Headers: RateLimitHeaderFields {}
extension Operations.ReplaceConsumer.Output.Ok.Headers: RateLimitHeaderFields {}
extension Operations.DeleteConsumer.Output.Ok.Headers: RateLimitHeaderFields {}
extension Operations.RotateConsumerSecret.Output.Ok.Headers: RateLimitHeaderFields {}

extension Refusal {
    init(status: Int, body: Components.Schemas.ErrorBody?, rateLimit: RateLimitInfo?) {
        self.init(
            status: status,
            message: body?.message,
            fields: (body?.errors ?? []).map { FracttalAPIError.FieldProblem(field: $0.field, message: $0.message) },
            rateLimit: rateLimit
        )
    }

    static func badRequest(_ response: Components.Responses.BadRequest) throws -> Refusal {
        Refusal(status: 400, body: try response.body.json, rateLimit: response.headers.rateLimitInfo)
    }

    static func unauthorized(_ response: Components.Responses.Unauthorized) throws -> Refusal {
        var refusal = Refusal(status: 401, body: try response.body.json, rateLimit: response.headers.rateLimitInfo)
        refusal.invalidToken = response.headers.wwwAuthenticate.contains("invalid_token")
        return refusal
    }

    static func forbidden(_ response: Components.Responses.Forbidden) throws -> Refusal {
        Refusal(status: 403, body: try response.body.json, rateLimit: response.headers.rateLimitInfo)
    }

    static func notFound(_ response: Components.Responses.NotFound) throws -> Refusal {
        Refusal(status: 404, body: try response.body.json, rateLimit: response.headers.rateLimitInfo)
    }

    static func rateLimited(_ response: Components.Responses.RateLimited) throws -> Refusal {
        Refusal(status: 406, body: try response.body.json, rateLimit: response.headers.rateLimitInfo)
    }

    static func conflict(_ response: Components.Responses.Conflict) throws -> Refusal {
        Refusal(status: 409, body: try response.body.json, rateLimit: response.headers.rateLimitInfo)
    }

    static func tooManyRequests(_ response: Components.Responses.TooManyRequests) throws -> Refusal {
        var refusal = Refusal(status: 429, body: try response.body.json, rateLimit: response.headers.rateLimitInfo)
        refusal.retryAfter = response.headers.retryAfter
        return refusal
    }

    static func serverError(_ status: Int, _ response: Components.Responses.ServerError) throws -> Refusal {
        Refusal(status: status, body: try response.body.json, rateLimit: nil)
    }

    /// A status the document does not list for the operation; the body is read as the error envelope if it is one.
    static func undocumented(_ status: Int, _ payload: UndocumentedPayload) async -> Refusal {
        var body: Components.Schemas.ErrorBody?
        if let raw = payload.body, let data = try? await Data(collecting: raw, upTo: 64 * 1024) {
            body = try? JSONDecoder().decode(Components.Schemas.ErrorBody.self, from: data)
        }
        return Refusal(status: status, body: body, rateLimit: nil)
    }
}

extension Operations.ListPermissions.Output {
    func outcome() async throws -> CallOutcome<Components.Schemas.PermissionList> {
        switch self {
        case .ok(let response): .success(try response.body.json, response.headers.rateLimitInfo)
        case .badRequest(let response): .refused(try .badRequest(response))
        case .unauthorized(let response): .refused(try .unauthorized(response))
        case .notAcceptable(let response): .refused(try .rateLimited(response))
        case .tooManyRequests(let response): .refused(try .tooManyRequests(response))
        case .serverError(let status, let response): .refused(try .serverError(status, response))
        case .undocumented(let status, let payload): .refused(await .undocumented(status, payload))
        }
    }
}

extension Operations.ListGroups.Output {
    func outcome() async throws -> CallOutcome<Components.Schemas.PermissionGroupList> {
        switch self {
        case .ok(let response): .success(try response.body.json, response.headers.rateLimitInfo)
        case .badRequest(let response): .refused(try .badRequest(response))
        case .unauthorized(let response): .refused(try .unauthorized(response))
        case .forbidden(let response): .refused(try .forbidden(response))
        case .notAcceptable(let response): .refused(try .rateLimited(response))
        case .tooManyRequests(let response): .refused(try .tooManyRequests(response))
        case .serverError(let status, let response): .refused(try .serverError(status, response))
        case .undocumented(let status, let payload): .refused(await .undocumented(status, payload))
        }
    }
}

extension Operations.CreateGroup.Output {
    func outcome() async throws -> CallOutcome<Components.Schemas.PermissionGroup> {
        switch self {
        case .created(let response): .success(try response.body.json.data, response.headers.rateLimitInfo)
        case .badRequest(let response): .refused(try .badRequest(response))
        case .unauthorized(let response): .refused(try .unauthorized(response))
        case .forbidden(let response): .refused(try .forbidden(response))
        case .notAcceptable(let response): .refused(try .rateLimited(response))
        case .tooManyRequests(let response): .refused(try .tooManyRequests(response))
        case .serverError(let status, let response): .refused(try .serverError(status, response))
        case .undocumented(let status, let payload): .refused(await .undocumented(status, payload))
        }
    }
}

extension Operations.ReplaceGroup.Output {
    func outcome() async throws -> CallOutcome<Components.Schemas.PermissionGroup> {
        switch self {
        case .ok(let response): .success(try response.body.json.data, response.headers.rateLimitInfo)
        case .badRequest(let response): .refused(try .badRequest(response))
        case .unauthorized(let response): .refused(try .unauthorized(response))
        case .forbidden(let response): .refused(try .forbidden(response))
        case .notFound(let response): .refused(try .notFound(response))
        case .notAcceptable(let response): .refused(try .rateLimited(response))
        case .tooManyRequests(let response): .refused(try .tooManyRequests(response))
        case .serverError(let status, let response): .refused(try .serverError(status, response))
        case .undocumented(let status, let payload): .refused(await .undocumented(status, payload))
        }
    }
}

extension Operations.DeleteGroup.Output {
    func outcome() async throws -> CallOutcome<Void> {
        switch self {
        case .ok(let response): .success((), response.headers.rateLimitInfo)
        case .badRequest(let response): .refused(try .badRequest(response))
        case .unauthorized(let response): .refused(try .unauthorized(response))
        case .forbidden(let response): .refused(try .forbidden(response))
        case .notFound(let response): .refused(try .notFound(response))
        case .notAcceptable(let response): .refused(try .rateLimited(response))
        case .conflict(let response): .refused(try .conflict(response))
        case .tooManyRequests(let response): .refused(try .tooManyRequests(response))
        case .serverError(let status, let response): .refused(try .serverError(status, response))
        case .undocumented(let status, let payload): .refused(await .undocumented(status, payload))
        }
    }
}

extension Operations.ListConsumers.Output {
    func outcome() async throws -> CallOutcome<Components.Schemas.OAuthConsumerList> {
        switch self {
        case .ok(let response): .success(try response.body.json, response.headers.rateLimitInfo)
        case .badRequest(let response): .refused(try .badRequest(response))
        case .unauthorized(let response): .refused(try .unauthorized(response))
        case .forbidden(let response): .refused(try .forbidden(response))
        case .notAcceptable(let response): .refused(try .rateLimited(response))
        case .tooManyRequests(let response): .refused(try .tooManyRequests(response))
        case .serverError(let status, let response): .refused(try .serverError(status, response))
        case .undocumented(let status, let payload): .refused(await .undocumented(status, payload))
        }
    }
}

extension Operations.CreateConsumer.Output {
    func outcome() async throws -> CallOutcome<Components.Schemas.OAuthConsumerWithSecret> {
        switch self {
        case .created(let response): .success(try response.body.json.data, response.headers.rateLimitInfo)
        case .badRequest(let response): .refused(try .badRequest(response))
        case .unauthorized(let response): .refused(try .unauthorized(response))
        case .forbidden(let response): .refused(try .forbidden(response))
        case .notAcceptable(let response): .refused(try .rateLimited(response))
        case .tooManyRequests(let response): .refused(try .tooManyRequests(response))
        case .serverError(let status, let response): .refused(try .serverError(status, response))
        case .undocumented(let status, let payload): .refused(await .undocumented(status, payload))
        }
    }
}

extension Operations.ReplaceConsumer.Output {
    func outcome() async throws -> CallOutcome<Components.Schemas.OAuthConsumer> {
        switch self {
        case .ok(let response): .success(try response.body.json.data, response.headers.rateLimitInfo)
        case .badRequest(let response): .refused(try .badRequest(response))
        case .unauthorized(let response): .refused(try .unauthorized(response))
        case .forbidden(let response): .refused(try .forbidden(response))
        case .notFound(let response): .refused(try .notFound(response))
        case .notAcceptable(let response): .refused(try .rateLimited(response))
        case .tooManyRequests(let response): .refused(try .tooManyRequests(response))
        case .serverError(let status, let response): .refused(try .serverError(status, response))
        case .undocumented(let status, let payload): .refused(await .undocumented(status, payload))
        }
    }
}

extension Operations.DeleteConsumer.Output {
    func outcome() async throws -> CallOutcome<Void> {
        switch self {
        case .ok(let response): .success((), response.headers.rateLimitInfo)
        case .badRequest(let response): .refused(try .badRequest(response))
        case .unauthorized(let response): .refused(try .unauthorized(response))
        case .forbidden(let response): .refused(try .forbidden(response))
        case .notFound(let response): .refused(try .notFound(response))
        case .notAcceptable(let response): .refused(try .rateLimited(response))
        case .tooManyRequests(let response): .refused(try .tooManyRequests(response))
        case .serverError(let status, let response): .refused(try .serverError(status, response))
        case .undocumented(let status, let payload): .refused(await .undocumented(status, payload))
        }
    }
}

extension Operations.RotateConsumerSecret.Output {
    func outcome() async throws -> CallOutcome<Components.Schemas.OAuthConsumerWithSecret> {
        switch self {
        case .ok(let response): .success(try response.body.json.data, response.headers.rateLimitInfo)
        case .badRequest(let response): .refused(try .badRequest(response))
        case .unauthorized(let response): .refused(try .unauthorized(response))
        case .forbidden(let response): .refused(try .forbidden(response))
        case .notFound(let response): .refused(try .notFound(response))
        case .notAcceptable(let response): .refused(try .rateLimited(response))
        case .tooManyRequests(let response): .refused(try .tooManyRequests(response))
        case .serverError(let status, let response): .refused(try .serverError(status, response))
        case .undocumented(let status, let payload): .refused(await .undocumented(status, payload))
        }
    }
}
