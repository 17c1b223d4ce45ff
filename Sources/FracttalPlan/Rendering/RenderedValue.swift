import FracttalModel

/// How renderers write values, names and counts.
enum RenderedValue {
    /// A string as a double-quoted literal with `"`, `\` and control characters escaped, or `null`.
    static func string(_ text: String?) -> String {
        guard let text else { return "null" }
        return "\"" + escaped(text, escapingQuotes: true) + "\""
    }

    /// An address with control characters escaped, so that no name can break a line or inject a terminal code.
    static func address(_ address: ResourceAddress) -> String {
        escaped(address.description, escapingQuotes: false)
    }

    /// Text with control characters written as `\n`, `\t` or `\u{…}` (see `DisplayText`).
    static func escaped(_ text: String, escapingQuotes: Bool) -> String {
        DisplayText.escaped(text, escapingQuotes: escapingQuotes)
    }

    /// `Plan: 2 to add, 1 to change, 1 to replace, 0 to destroy, 1 secret to rotate.`
    static func summarySentence(_ summary: PlanSummary) -> String {
        let secrets = summary.rotateSecret == 1 ? "secret" : "secrets"
        return "Plan: \(summary.create) to add, \(summary.update) to change, \(summary.replace) to replace, \(summary.delete) to destroy, \(summary.rotateSecret) \(secrets) to rotate."
    }

    /// The sentence for a plan without actions.
    static let noChanges = "No changes. The company matches the configuration."

    /// The sentence for a partial plan without actions.
    static let noTargetedChanges = "No changes. The targeted objects match the configuration."

    /// The sentence for a plan without actions, whole or partial.
    static func noChanges(partial: Bool) -> String { partial ? noTargetedChanges : noChanges }

    /// `Partial plan (--target): only consumer["a"], group["b"] and what they need; …`, for a partial plan.
    static func partialSentence(_ targets: [ResourceAddress]) -> String {
        let listed = targets.map(address).joined(separator: ", ")
        return "Partial plan (--target): only \(listed) and what they need; the rest of the company was not compared with the configuration."
    }

    /// `consumer["x"] (key K)` or `group["x"] (id 12)`, when the action acts on a live object.
    static func subject(of action: PlanAction) -> String {
        let address = address(action.address)
        if action.action == .create { return address }
        if let key = action.liveKey { return "\(address) (key \(escaped(key, escapingQuotes: false)))" }
        if let id = action.liveID { return "\(address) (id \(id))" }
        return address
    }

    /// What will happen, as the renderers phrase it: `will be created`.
    static func outcome(of action: ActionType) -> String {
        switch action {
        case .create: "will be created"
        case .update: "will be updated in place"
        case .replace: "will be replaced"
        case .delete: "will be deleted"
        case .rotateSecret: "will get a new secret"
        }
    }

    /// The loud line of a replacement.
    static let replacementWarning = "forces replacement: a new key and secret will be issued"
}
