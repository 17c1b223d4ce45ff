import Foundation

/// Checks a consumer's `redirect_uri`: `https://` with a host, or `http://` to a loopback host.
enum RedirectURI {
    /// Why a redirect URI is refused.
    enum Problem: Error, Equatable {
        /// Not an absolute https or http URL with a host.
        case invalid
        /// Plain http to this host, which is not loopback.
        case insecure(host: String)
    }

    /// Nil when the URI is acceptable.
    static func problem(with text: String) -> Problem? {
        let isHTTPS = text.hasPrefix("https://")
        guard isHTTPS || text.hasPrefix("http://"),
              let components = URLComponents(string: text),
              let host = components.host, !host.isEmpty else {
            return .invalid
        }
        if isHTTPS || isLoopback(host) { return nil }
        return .insecure(host: host)
    }

    /// localhost, 127.0.0.0/8 or ::1.
    static func isLoopback(_ host: String) -> Bool {
        if host.lowercased() == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                && (part == "0" || part.first != "0") && Int(part).map { $0 <= 255 } == true
        }
    }
}
