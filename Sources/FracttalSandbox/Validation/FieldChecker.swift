import Foundation

/// Checks the fields of a request body against the contract's rules, collecting every
/// problem instead of stopping at the first.
struct FieldChecker {
    private(set) var problems: [FieldViolation] = []

    mutating func add(_ field: WireField, _ message: String) { problems.append(FieldViolation(field, message)) }

    /// Throws the collected problems as a 400, if any.
    func finish() throws {
        if !problems.isEmpty { throw APIFailure.invalid(problems) }
    }

    mutating func unknown(_ fields: [String]) {
        for field in fields { problems.append(FieldViolation(field, "is not a field of this call")) }
    }

    /// A name: 1 to 100 code points, no leading or trailing white space.
    mutating func name(_ field: JSONField<String>) -> String? {
        guard let value = present(field, .name, expected: "a string") else { return nil }
        let scalars = value.unicodeScalars
        if scalars.isEmpty {
            add(.name, "must not be empty")
        } else if scalars.count > 100 {
            add(.name, "must be at most 100 characters (Unicode code points); it has \(scalars.count)")
        } else if scalars.first!.properties.isWhitespace || scalars.last!.properties.isWhitespace {
            add(.name, "must not start or end with white space")
        }
        return value
    }

    /// A description: at most 500 code points, or null; `required` says whether it must be sent.
    mutating func description(_ field: JSONField<String>, required: Bool) -> String? {
        switch field {
        case .missing:
            if required { add(.description, "is required (send null for no description)") }
            return nil
        case .null: return nil
        case .wrongType:
            add(.description, "must be a string or null")
            return nil
        case .value(let value):
            let count = value.unicodeScalars.count
            if count > 500 { add(.description, "must be at most 500 characters (Unicode code points); it has \(count)") }
            return value
        }
    }

    /// Permission codes of the catalog, without repeats.
    mutating func permissions(_ field: JSONField<[String]>) -> [String] {
        guard let codes = present(field, .permissions, expected: "a list of permission codes") else { return [] }
        var seen: Set<String> = []
        for (index, code) in codes.enumerated() {
            let name = "\(WireField.permissions.rawValue)[\(index)]"
            if !ContractCatalog.codes.contains(code) {
                problems.append(FieldViolation(name, "'\(code)' is not a permission of the catalog (GET /permissions/)"))
            } else if !seen.insert(code).inserted {
                problems.append(FieldViolation(name, "repeats '\(code)'"))
            }
        }
        return codes
    }

    /// A grant type, `client_credentials` or `authorization_code`.
    mutating func grantType(_ field: JSONField<String>) -> String? {
        guard let value = present(field, .grantType, expected: "a string") else { return nil }
        guard Self.grantTypes.contains(value) else {
            add(.grantType, "must be client_credentials or authorization_code")
            return nil
        }
        return value
    }

    /// A group id that exists (`exists` asks the store).
    mutating func groupID(_ field: JSONField<Int64>, exists: (Int64) async throws -> Bool) async rethrows -> Int64? {
        guard let id = present(field, .groupID, expected: "an integer (a permission group's id)") else { return nil }
        if try await !exists(id) { add(.groupID, "names no permission group: no group has the id \(id)") }
        return id
    }

    /// A redirect URI as `grantType` wants it: an https URL (or http to a loopback host) for
    /// authorization_code, null for client_credentials. `required` says whether it must be sent.
    mutating func redirectURI(_ field: JSONField<String>, grantType: String?, required: Bool) -> String? {
        switch field {
        case .missing where required:
            add(.redirectURI, "is required (send null when there is none)")
            return nil
        case .wrongType:
            add(.redirectURI, "must be a string or null")
            return nil
        case .missing, .null:
            if grantType == "authorization_code" {
                add(.redirectURI, "is required for authorization_code: an https:// URL, or http:// to a loopback host")
            }
            return nil
        case .value(let value):
            if grantType == "client_credentials" {
                add(.redirectURI, "must be null for client_credentials")
            } else if grantType == "authorization_code", let problem = Self.redirectProblem(value) {
                add(.redirectURI, problem)
            }
            return value
        }
    }

    /// The hub switch; `defaultValue` is used when it is not sent (nil: it must be sent).
    mutating func hubEnabled(_ field: JSONField<Bool>, defaultValue: Bool?) -> Bool {
        if case .missing = field, let defaultValue { return defaultValue }
        return present(field, .hubEnabled, expected: "true or false") ?? false
    }

    /// The value of a field that must be present and not null.
    mutating func present<Value>(_ field: JSONField<Value>, _ name: WireField, expected: String) -> Value? {
        switch field {
        case .missing: add(name, "is required")
        case .null: add(name, "must not be null: give \(expected)")
        case .wrongType: add(name, "must be \(expected)")
        case .value(let value): return value
        }
        return nil
    }

    static let grantTypes: Set<String> = ["client_credentials", "authorization_code"]

    /// Why `text` is not an acceptable redirect URI, or nil when it is.
    static func redirectProblem(_ text: String) -> String? {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else { return "must be an absolute URL: an https:// URL, or http:// to a loopback host" }
        if components.fragment != nil { return "must not have a #fragment" }
        switch scheme {
        case "https": return nil
        case "http": return isLoopback(host) ? nil : "must use https:// (http:// only to a loopback host)"
        default: return "must use https:// (http:// only to a loopback host)"
        }
    }

    /// Whether `host` is 127.0.0.0/8, ::1 or localhost.
    static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { Int($0).map { (0...255).contains($0) } ?? false }
    }
}
