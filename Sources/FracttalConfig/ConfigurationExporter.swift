import FracttalModel

/// Writes a live company as configuration files that load without errors and plan to no change.
///
/// It is the inverse of `ConfigurationLoader`: `settings.yaml` (`prune: false`, and the tool's own
/// consumer protected by key), `permission_groups.yaml` and `consumers.yaml`, each naming the schema
/// file written beside them (`schemaPath`). A live object the
/// language cannot state exactly (a `${` in a text, a name the rules refuse, a second object of
/// a name) is left out with a note; with `prune: false` a plan leaves an undeclared object alone.
public enum ConfigurationExporter {
    /// The `$id` of the embedded JSON Schema.
    public static let schemaID = "https://fracttal.example/schemas/fracttal.schema.json"
    /// The schema file `fracttal export` writes beside the files, which their `$schema` comment names
    /// by a path relative to them, so that an editor finds it without a network.
    public static let schemaPath = "fracttal.schema.json"
    /// The file that holds `settings`.
    public static let settingsPath = "settings.yaml"
    /// The file that holds `permission_groups`.
    public static let groupsPath = "permission_groups.yaml"
    /// The file that holds `consumers`.
    public static let consumersPath = "consumers.yaml"

    /// The configuration that states `live`; `ownClientID` is the key the tool signs in with, and
    /// `target` names the company in the files' header (the API base URL, or `sandbox:PATH`). With
    /// `withKeys` (`export --with-keys`) every consumer gets `key:`, so that plans bind it by key, not
    /// by name; else only consumers that share their name with another live one do.
    public static func export(_ live: LiveState, ownClientID: String?, target: String, withKeys: Bool = false) -> ExportedConfiguration {
        var notes: [String] = []
        let groups = GroupSelection(live, notes: &notes)
        let consumers = ConsumerSelection(live, groups: groups, withKeys: withKeys, notes: &notes)
        var ownKey: String?
        if let ownClientID {
            if !live.consumers.contains(where: { $0.key == ownClientID }) {
                notes.append(ExportNote.ownConsumerNotLive(ownClientID))
            } else if ExportCheck.name(ownClientID) != nil {
                notes.append(ExportNote.ownKeyUnwritable(ownClientID))
            } else {
                ownKey = ownClientID
            }
        }
        let header = header(target: target)
        return ExportedConfiguration(
            files: [
                ExportedFile(path: settingsPath, text: header + settingsBody(ownKey: ownKey)),
                ExportedFile(path: groupsPath, text: header + groups.body),
                ExportedFile(path: consumersPath, text: header + consumers.body),
            ],
            notes: notes)
    }

    /// The schema comment, the origin comment and `version: 1`, then a blank line.
    static func header(target: String) -> String {
        """
        # yaml-language-server: $schema=\(schemaPath)
        # Exported by `fracttal export` from \(ExportLabel.escaped(target))
        version: 1


        """
    }

    /// `settings`: no pruning, and the tool's own consumer protected by its key, which a rename cannot lose.
    static func settingsBody(ownKey: String?) -> String {
        var lines = ["settings:", "  prune: false"]
        if let ownKey {
            lines += [
                "  protect:",
                "    consumers:",
                "      - \(YAMLScalar.render(ownKey))  # the consumer this tool signs in as, by key",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A top-level list: `key: []` when empty, else its items one after another, a blank line between two.
    static func list(_ key: String, items: [[String]]) -> String {
        guard !items.isEmpty else { return "\(key): []\n" }
        return "\(key):\n" + items.map { $0.joined(separator: "\n") + "\n" }.joined(separator: "\n")
    }
}
