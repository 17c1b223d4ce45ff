import FracttalModel

/// The notes an export hands back, one sentence each, with the text kept next to the reasons.
enum ExportNote {
    /// What keeps one live object out of the files.
    enum Reason {
        /// A field's text holds `${`, which the loader reads as a variable.
        case interpolation(field: String)
        /// A name the naming rules refuse (`problem`: "is empty", ...).
        case badName(problem: String)
        /// A description longer than the language allows.
        case longDescription(count: Int)
        /// Codes the group grants that the catalog lacks or that no pattern can write.
        case unknownPermissions([String])
        /// The lowest-id live group of the same name is exported instead.
        case groupNameTaken(byID: Int)
        /// An earlier live consumer of the same name is exported instead.
        case consumerNameTaken(byKey: String)
        /// A key that `key:` cannot hold, needed to tell same-named consumers apart.
        case unpinnableKey(String)
        /// The consumer's group is not live.
        case missingGroup(id: Int)
        /// The consumer's group has a name the files cannot write.
        case unwritableGroup(LiveGroup)
        /// A client-credentials consumer with a redirect URI.
        case redirectForbidden
        /// An authorization-code consumer without a redirect URI.
        case redirectMissing
        /// A redirect URI that is not https nor loopback http.
        case redirectRefused(String)

        var text: String {
            switch self {
            case .interpolation(let field):
                return "its \(field) holds `${`, which the configuration reads as the start of a variable and has no way to write literally: change it by hand to manage it here"
            case .badName(let problem):
                return "its name \(problem), which the configuration refuses (names have 1 to 100 characters, no white space at either end): rename it by hand to manage it here"
            case .longDescription(let count):
                return "its description has \(count) characters, more than the \(ConfigurationLimits.maxDescriptionLength) the configuration allows: shorten it by hand to manage it here"
            case .unknownPermissions(let codes):
                return "it grants \(codes.joined(separator: ", ")), which the permission catalog does not hold, so no declaration can grant \(codes.count == 1 ? "it" : "them")"
            case .groupNameTaken(let id):
                return "group id \(id) has the same name and is exported instead, since a name can be declared only once: rename one of them by hand, then export again"
            case .consumerNameTaken(let key):
                return "the consumer with key \(key) has the same name and is exported instead, since a name can be declared only once: rename one of them by hand, then export again"
            case .unpinnableKey(let key):
                return "its key \(ExportLabel.escaped(key)) is not 16 to 20 letters and digits, so `key:` cannot tell it apart from the other live consumers of its name"
            case .missingGroup(let id):
                return "its permission group id \(id) is not live"
            case .unwritableGroup(let group):
                return "its permission group \(ExportLabel.of(group)) has a name the configuration cannot write"
            case .redirectForbidden:
                return "it is a client_credentials consumer with a redirect_uri, which the configuration allows only for authorization_code"
            case .redirectMissing:
                return "it is an authorization_code consumer without a redirect_uri, which the configuration requires"
            case .redirectRefused(let uri):
                return "its redirect_uri \(ExportLabel.escaped(uri)) is neither https:// nor http:// to a loopback host, as the configuration requires"
            }
        }
    }

    /// A live group the files leave out.
    static func groupLeftOut(_ group: LiveGroup, _ reason: Reason) -> String {
        ExportLabel.escaped("\(ExportLabel.of(group)) is not exported: \(reason.text); plans leave it as it is while `prune` is false.")
    }

    /// A live consumer the files leave out.
    static func consumerLeftOut(_ consumer: LiveConsumer, _ reason: Reason) -> String {
        ExportLabel.escaped("\(ExportLabel.of(consumer)) is not exported: \(reason.text); plans leave it as it is while `prune` is false.")
    }

    /// Exported consumers whose `permission_group` names several live groups.
    static func ambiguousGroupReference(name: String, groupIDs: [Int], consumers: [LiveConsumer]) -> String {
        let shown = consumers.prefix(5).map { ResourceAddress(.consumer, $0.name).description }
        var list = shown.joined(separator: ", ")
        if consumers.count > shown.count { list += " and \(consumers.count - shown.count) more" }
        let users = consumers.count == 1 ? "\(list) uses" : "\(list) use"
        let ids = groupIDs.map(String.init).joined(separator: ", ")
        return ExportLabel.escaped(
            "\(users) the permission group \(ResourceAddress(.group, name)), a name that live groups \(ids) share: "
                + "plans will report the ambiguity until one of those groups is renamed by hand (then export again)."
        )
    }

    /// A consumer exported without the `key:` that `--with-keys` asked for, because `key:` cannot hold its key.
    static func keyNotWritten(_ consumer: LiveConsumer) -> String {
        ExportLabel.escaped("\(ExportLabel.of(consumer)) is exported without `key:`: its key is not 16 to 20 letters and digits, which `key:` requires; it is bound by name.")
    }

    /// An own client id that `settings.protect` cannot hold (server keys are letters and digits, so never in practice).
    static func ownKeyUnwritable(_ key: String) -> String {
        "the client id this tool signs in with (\(ExportLabel.escaped(key))) cannot be written in settings.protect, so it names no consumer: protect that consumer by hand."
    }

    /// An own client id that is no live consumer's key.
    static func ownConsumerNotLive(_ key: String) -> String {
        "the client id this tool signs in with (\(ExportLabel.escaped(key))) is the key of no live consumer, so settings.protect names no consumer."
    }
}

/// How notes name live objects: `group["X"] (id 3)`, `consumer["x"] (key K)`, control characters escaped.
enum ExportLabel {
    /// A group's address and id.
    static func of(_ group: LiveGroup) -> String {
        escaped("\(ResourceAddress(.group, group.name)) (id \(group.id))")
    }

    /// A consumer's address and key.
    static func of(_ consumer: LiveConsumer) -> String {
        escaped("\(ResourceAddress(.consumer, consumer.name)) (key \(consumer.key))")
    }

    /// The text with line breaks, tabs and other control or invisible format characters written as
    /// `\u{...}`, so that a note stays one readable line.
    static func escaped(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse:
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }
}
