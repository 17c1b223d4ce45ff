import Foundation

/// The console's addresses, in one place: every page lives under `/console/`.
enum ConsolePaths {
    /// The router group of the console.
    static let prefix = "console"
    static let root = "/console/"
    static let login = "/console/login"
    static let logout = "/console/logout"
    static let stylesheet = "/console/static/console.css"
    static let script = "/console/static/console.js"
    static let consumers = "/console/consumers"
    static let newConsumer = "/console/consumers/new"
    static let groups = "/console/groups"
    static let newGroup = "/console/groups/new"

    /// The session cookie's name; the cookie is scoped to `/console`.
    static let sessionCookie = "fracttal_console"
    /// The hidden form field that carries the session's CSRF token.
    static let csrfField = "csrf"

    static func consumer(_ key: String) -> String { "\(consumers)/\(segment(key))" }
    static func editConsumer(_ key: String) -> String { "\(consumer(key))/edit" }
    static func credentials(_ key: String) -> String { "\(consumer(key))/credentials" }
    static func rotateSecret(_ key: String) -> String { "\(consumer(key))/secret" }
    static func deleteConsumer(_ key: String) -> String { "\(consumer(key))/delete" }

    static func group(_ id: Int64) -> String { "\(groups)/\(id)" }
    static func editGroup(_ id: Int64) -> String { "\(group(id))/edit" }
    static func deleteGroup(_ id: Int64) -> String { "\(group(id))/delete" }

    /// Whether a path is served without a session: the login link and the static files.
    static func isOpen(_ path: String) -> Bool {
        path == login || path.hasPrefix("/console/static/")
    }

    /// One path segment, percent-encoded (keys are alphanumeric, but a path never trusts that).
    private static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
