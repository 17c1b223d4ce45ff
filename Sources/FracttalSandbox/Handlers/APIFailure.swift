import HTTPTypes

/// A failed `/api` call: its status, the message for the envelope, and (on 400) the fields.
/// Each message is made next to the rule it reports.
package struct APIFailure: Error, Sendable {
    package let status: HTTPResponse.Status
    package let message: String
    package let problems: [FieldViolation]
    /// Extra headers, e.g. `WWW-Authenticate`.
    var headers: HTTPFields = [:]

    init(status: HTTPResponse.Status, message: String, problems: [FieldViolation] = [], headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.problems = problems
        self.headers = headers
    }

    static func invalid(_ problems: [FieldViolation]) -> APIFailure {
        let summary = problems.prefix(3).map { "\($0.field) \($0.message)" }.joined(separator: "; ")
        let more = problems.count > 3 ? " (and \(problems.count - 3) more)" : ""
        return APIFailure(status: .badRequest, message: "Invalid request: \(summary)\(more).", problems: problems)
    }

    /// The consumer's group was deleted between validation and the write.
    package static func groupVanished(_ id: Int64) -> APIFailure {
        invalid([FieldViolation(.groupID, "names no permission group: no group has the id \(id)")])
    }

    static let invalidToken = APIFailure(
        status: .unauthorized,
        message: "The bearer token is missing, expired or unknown: get a new access token from the token endpoint.",
        headers: [.wwwAuthenticate: #"Bearer error="invalid_token""#]
    )

    static func missingPermission(_ code: String) -> APIFailure {
        APIFailure(
            status: .forbidden,
            message: "This call needs the permission \(code), which the caller's permission group lacks."
        )
    }

    static func groupNotFound(_ id: some CustomStringConvertible) -> APIFailure {
        APIFailure(status: .notFound, message: "No permission group has the id \(id).")
    }

    static func consumerNotFound(_ key: String) -> APIFailure {
        APIFailure(status: .notFound, message: "No OAuth consumer has the key \(key).")
    }

    static let unknownPath = APIFailure(status: .notFound, message: "No such API path.")

    package static let defaultGroup = APIFailure(
        status: .conflict, message: "The default group cannot be deleted."
    )

    package static func groupHasAccounts(_ count: Int) -> APIFailure {
        APIFailure(
            status: .conflict,
            message:
                "The group still has \(count) user account\(count == 1 ? "" : "s") assigned: move \(count == 1 ? "it" : "them") to another group before deleting it."
        )
    }

    package static func groupUsedBy(_ consumers: [(name: String, key: String)]) -> APIFailure {
        let names = consumers.map { "\"\($0.name)\" (key \($0.key))" }.joined(separator: ", ")
        return APIFailure(
            status: .conflict,
            message:
                "The group is used by \(consumers.count) OAuth consumer\(consumers.count == 1 ? "" : "s"): \(names); move or delete \(consumers.count == 1 ? "it" : "them") before deleting the group."
        )
    }

    static func rateLimited(resetSeconds: Int) -> APIFailure {
        APIFailure(
            status: .notAcceptable,
            message: "Rate limit exceeded: try again in \(resetSeconds) second\(resetSeconds == 1 ? "" : "s")."
        )
    }

    static func bodyTooLarge(maxBytes: Int) -> APIFailure {
        APIFailure(
            status: .contentTooLarge,
            message: "The request body is larger than \(maxBytes / (1024 * 1024)) MiB (\(maxBytes) bytes): send a smaller body."
        )
    }

    static let injectedUnavailable = APIFailure(
        status: .serviceUnavailable, message: "Service temporarily unavailable (sandbox fault error_before): the call had no effect."
    )

    static let injectedServerError = APIFailure(
        status: .internalServerError, message: "Internal server error (sandbox fault error_after)."
    )

    static let internalError = APIFailure(status: .internalServerError, message: "Internal server error.")
}
