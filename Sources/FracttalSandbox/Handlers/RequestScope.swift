/// What a generated operation handler knows about its call, carried in a task-local value
/// from the `/api` middleware (the generated handlers do not see the Hummingbird context).
struct RequestScope: Sendable {
    let caller: Caller
    let rateLimit: RateLimitStatus

    @TaskLocal static var current: RequestScope?

    /// The scope of this call, after checking that the caller holds `permission` (if any).
    static func require(_ permission: String? = nil) throws -> RequestScope {
        guard let scope = current else { throw APIFailure.internalError }
        if let permission, !scope.caller.permissions.contains(permission) {
            throw APIFailure.missingPermission(permission)
        }
        return scope
    }

    /// The generated rate-limit headers of a success answer.
    func headers<Headers: RateLimitHeaders>() -> Headers {
        Headers(
            ratelimitLimit: rateLimit.limit, ratelimitRemaining: rateLimit.remaining,
            ratelimitReset: rateLimit.resetSeconds
        )
    }
}

/// The generated header structs of the success answers, which all hold the rate-limit headers.
protocol RateLimitHeaders {
    init(ratelimitLimit: Int, ratelimitRemaining: Int, ratelimitReset: Int)
}

extension Operations.ListPermissions.Output.Ok.Headers: RateLimitHeaders {}
extension Operations.ListGroups.Output.Ok.Headers: RateLimitHeaders {}
extension Operations.CreateGroup.Output.Created.Headers: RateLimitHeaders {}
extension Operations.ReplaceGroup.Output.Ok.Headers: RateLimitHeaders {}
extension Operations.DeleteGroup.Output.Ok.Headers: RateLimitHeaders {}
extension Operations.ListConsumers.Output.Ok.Headers: RateLimitHeaders {}
extension Operations.CreateConsumer.Output.Created.Headers: RateLimitHeaders {}
extension Operations.ReplaceConsumer.Output.Ok.Headers: RateLimitHeaders {}
extension Operations.DeleteConsumer.Output.Ok.Headers: RateLimitHeaders {}
extension Operations.RotateConsumerSecret.Output.Ok.Headers: RateLimitHeaders {}
