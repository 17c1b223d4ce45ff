import Foundation

/// Checks a configured address: `https://`, or plain `http://` only for a loopback host.
enum TargetURL {
    /// The URL of `text` without trailing slashes, or the error that says why it cannot be used.
    static func validated(_ text: String, role: FracttalAPIError.URLRole) throws(FracttalAPIError) -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty, components.user == nil, components.password == nil,
              components.fragment == nil
        else {
            throw .invalidURL(role: role, url: text)
        }
        switch scheme {
        case "https":
            break
        case "http":
            guard isLoopback(host: host) else { throw .insecureURL(role: role, url: text) }
        default:
            throw .invalidURL(role: role, url: text)
        }
        var normalized = components
        while normalized.percentEncodedPath.hasSuffix("/") {
            normalized.percentEncodedPath.removeLast()
        }
        guard let url = normalized.url else { throw .invalidURL(role: role, url: text) }
        return url
    }

    /// Whether `host` is `localhost`, an address of 127.0.0.0/8, or `::1`.
    static func isLoopback(host: String) -> Bool {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "localhost." { return true }
        if isIPv6Loopback(host) { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        let values = octets.map { part -> Int? in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part).flatMap { $0 <= 255 ? $0 : nil }
        }
        return values.allSatisfy { $0 != nil } && values[0] == 127
    }

    /// Whether `host` spells `::1` (in any of its zero-compressed forms).
    private static func isIPv6Loopback(_ host: String) -> Bool {
        guard host.contains(":"), host.allSatisfy({ $0.isHexDigit || $0 == ":" }) else { return false }
        let halves = host.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ text: String) -> [String]? {
            if text.isEmpty { return [] }
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            return parts.allSatisfy { !$0.isEmpty && $0.count <= 4 } ? parts : nil
        }
        guard let head = groups(halves[0]) else { return false }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return false }
            all += Array(repeating: "0", count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return false }
        let values = all.map { UInt16($0, radix: 16) }
        return values.dropLast().allSatisfy { $0 == 0 } && values.last == 1
    }
}
