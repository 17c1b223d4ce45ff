import Foundation
import FracttalModel

/// Configuration text that declares live objects exactly as they are, so that a test can change one thing.
enum LiveConfiguration {
    /// A YAML string (JSON's quoting is valid YAML).
    static func quoted(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
        return String(array.dropFirst().dropLast())
    }

    /// One document declaring `consumers` (each as it is live, plus `extra` lines under it by name) and
    /// protecting every live group, with `settings` lines added under `settings:`.
    static func declaring(
        _ consumers: [LiveConsumer], of live: LiveState, settings: [String] = [], extra: [String: [String]] = [:]
    ) -> String {
        let groupNames = Dictionary(live.groups.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var text = "version: 1\nsettings:\n  protect:\n    groups: [\(live.groups.map { quoted($0.name) }.joined(separator: ", "))]\n"
        for line in settings { text += "  \(line)\n" }
        text += "consumers:\n"
        for consumer in consumers {
            text += "  - name: \(quoted(consumer.name))\n"
            if let description = consumer.description { text += "    description: \(quoted(description))\n" }
            text += "    grant_type: \(consumer.grantType.rawValue)\n"
            text += "    permission_group: \(quoted(groupNames[consumer.permissionGroup] ?? ""))\n"
            if let uri = consumer.redirectURI { text += "    redirect_uri: \(quoted(uri))\n" }
            text += "    hub: \(consumer.hub)\n"
            for line in extra[consumer.name] ?? [] { text += "    \(line)\n" }
        }
        return text
    }
}
