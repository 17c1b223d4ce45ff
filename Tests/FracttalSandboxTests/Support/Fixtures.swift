import Foundation

/// Request bodies and lookups the tests share.
enum Fixtures {
    static func group(_ name: String, description: Any = NSNull(), permissions: [String] = ["assets:view"]) -> [String: Any] {
        ["name": name, "description": description, "permissions": permissions]
    }

    static func consumer(
        _ name: String, group: Int, grantType: String = "client_credentials", redirectURI: Any? = nil,
        description: Any? = nil, hubEnabled: Bool? = nil
    ) -> [String: Any] {
        var body: [String: Any] = ["name": name, "grant_type": grantType, "id_group_permission": group]
        if let redirectURI { body["redirect_uri"] = redirectURI }
        if let description { body["description"] = description }
        if let hubEnabled { body["hub_enabled"] = hubEnabled }
        return body
    }

    /// The full PUT body of a consumer answer.
    static func replacement(of consumer: [String: Any], changing changes: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = [:]
        for field in ["name", "description", "id_group_permission", "redirect_uri", "hub_enabled"] {
            body[field] = consumer[field] ?? NSNull()
        }
        for (field, value) in changes { body[field] = value }
        return body
    }

    /// Whether `value` is an RFC 3339 UTC timestamp in whole seconds.
    static func isTimestamp(_ value: Any?) -> Bool {
        guard let text = value as? String, let regex = try? Regex(#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"#) else { return false }
        return text.wholeMatch(of: regex) != nil
    }

    static let seededGroupIDs = (default: 1, technicians: 2, automation: 3)
}
