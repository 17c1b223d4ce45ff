import Foundation
import FracttalModel

/// The planner's messages, each next to its wording.
extension Diagnostic {
    static func unknownPermission(_ code: PermissionCode, suggestion: String?, at location: SourceLocation) -> Self {
        let hint = suggestion.map { "did you mean `\($0)`?" } ?? "use a `module:action` code from the company's permission catalog"
        return .error("FRC201", "`\(code)` is not in the live permission catalog; \(hint)", at: location)
    }

    static func emptyModule(_ module: String, suggestion: String?, at location: SourceLocation) -> Self {
        let hint = suggestion.map { "did you mean `\($0):*`?" } ?? "use a module of the company's permission catalog"
        return .error("FRC202", "`\(module):*` matches no permission: the live catalog has no module `\(module)`; \(hint)", at: location)
    }

    static func ambiguousGroup(_ name: String, ids: [Int], at location: SourceLocation) -> Self {
        .error(
            "FRC203",
            "\(ResourceAddress(.group, name)) matches \(ids.count) live groups (ids \(listed(ids.map(String.init)))): the server holds \(ids.count == 2 ? "two" : "\(ids.count)") groups of that name; rename or delete one of them by hand in Fracttal, then plan again",
            at: location)
    }

    static func keyNotLive(_ key: String, at location: SourceLocation) -> Self {
        .error("FRC204", "no live consumer has key `\(key)`; correct the key, or remove `key:` to match the consumer by name", at: location)
    }

    static func ambiguousConsumer(_ name: String, matches: [LiveConsumer], at location: SourceLocation) -> Self {
        let keys = matches.map { "\($0.key) (\(DisplayText.quoted($0.name)))" }
        return .error(
            "FRC205",
            "\(ResourceAddress(.consumer, name)) matches \(matches.count) live consumers, keys \(listed(keys)); add `key:` with the key of the one it means to settle it",
            at: location)
    }

    static func consumerClaimedTwice(
        _ name: String, live: LiveConsumer, otherName: String, otherLocation: SourceLocation, at location: SourceLocation
    ) -> Self {
        .error(
            "FRC206",
            "\(ResourceAddress(.consumer, name)) matches the live consumer \(live.key) (\(DisplayText.quoted(live.name))), which \(ResourceAddress(.consumer, otherName)) (\(otherLocation)) matches too; a live consumer belongs to one declaration only: remove the stale previous_names entry or set `key:` on the right declaration",
            at: location)
    }

    static func unknownGroupReference(_ name: String, suggestion: String?, at location: SourceLocation) -> Self {
        let code: Code = "FRC207"
        if let suggestion, ExactName(suggestion).looksLike(ExactName(name)) {
            let (written, known) = (ExactName(name).escaped, ExactName(suggestion).escaped)
            return .error(
                code,
                "permission group \"\(written)\" is neither declared nor live, but \"\(known)\" is and looks the same with other Unicode code points; write the name with the same code points",
                at: location)
        }
        let hint = suggestion.map { "did you mean \(DisplayText.quoted($0))?" } ?? "declare it under permission_groups or name a live group"
        return .error(code, "permission group \(DisplayText.quoted(name)) is neither declared nor live; \(hint)", at: location)
    }

    static func ambiguousGroupReference(_ name: String, ids: [Int], at location: SourceLocation) -> Self {
        .error(
            "FRC208",
            "permission group \(DisplayText.quoted(name)) names \(ids.count) live groups (ids \(listed(ids.map(String.init)))) and no declared one; rename or delete one of them by hand in Fracttal, then plan again",
            at: location)
    }

    static func rotateBeforeInFuture(_ instant: Date, now: Date, at location: SourceLocation) -> Self {
        .error(
            "FRC209",
            "rotate_secret_before \(PlanDate.format(instant)) is later than the plan's time \(PlanDate.format(now)); use an instant in the past: the secret is rotated once if it was issued before it",
            at: location)
    }

    static func protectMatchesNothing(_ kind: ResourceKind, _ entry: String, at location: SourceLocation) -> Self {
        let field = kind == .consumer ? "consumers" : "groups"
        return .warning(
            "FRC210",
            "settings.protect.\(field) names \(DisplayText.quoted(entry)), which matches no live or declared \(kind == .consumer ? "consumer" : "group"); correct it or remove it",
            at: location)
    }

    static func ownGroupStripped(_ missing: [PermissionCode], own: LiveConsumer, group: String, at location: SourceLocation) -> Self {
        let codes = listed(missing.sorted().map(\.description))
        return .error(
            "FRC211",
            "would remove \(codes) from the group of the consumer this tool signs in as (\(own.name)); keep \(missing.count == 1 ? "it" : "them") in the permissions of \(ResourceAddress(.group, group)), since the tool needs \(missing.count == 1 ? "it" : "them") to read and manage the company",
            at: location)
    }

    static func ownConsumerReplaced(_ own: LiveConsumer, at location: SourceLocation) -> Self {
        .error(
            "FRC212",
            "would replace the consumer this tool signs in as (\(own.name)): a replacement deletes it and issues a new key, which locks the tool out; keep grant_type \(own.grantType.rawValue) for it",
            at: location)
    }

    static func ownConsumerMoved(_ missing: [PermissionCode], own: LiveConsumer, to group: String, from current: String, at location: SourceLocation) -> Self {
        let codes = listed(missing.sorted().map(\.description))
        return .error(
            "FRC213",
            "would move the consumer this tool signs in as (\(own.name)) to \(ResourceAddress(.group, group)), which lacks \(codes); grant \(missing.count == 1 ? "it" : "them") there first, or keep the consumer in \(ResourceAddress(.group, current))",
            at: location)
    }

    static func ownSecretRotated(_ own: LiveConsumer, at location: SourceLocation) -> Self {
        .warning(
            "FRC214",
            "this plan rotates the secret of the consumer this tool signs in as (\(own.name)); after apply, set FRACTTAL_CLIENT_SECRET to the new secret from --secrets-out",
            at: location)
    }

    static func replacementRetiresKey(_ key: String, at location: SourceLocation) -> Self {
        .warning(
            "FRC215",
            "the replacement issues a new key, so `key: \(key)` will match nothing on the next plan; remove `key:` or set it to the new key after apply",
            at: location)
    }

    static func missingOwnPermission(
        _ permission: PermissionCode, verb: String, addresses: [ResourceAddress], ownGroup: String,
        grantedByStepOne: Bool, at location: SourceLocation?
    ) -> Self {
        let shown = addresses.prefix(3).map(\.description)
        let more = addresses.count - shown.count
        let objects = more > 0 ? "\(shown.joined(separator: ", ")) and \(more) more" : listed(shown)
        let group = ResourceAddress(.group, ownGroup)
        let fix = grantedByStepOne
            ? "lacks \(permission) until step 1 of this plan grants it, and step 1 itself needs it; apply the change to \(group) alone first, then plan again"
            : "lacks \(permission); grant it to that group, or sign in as a consumer whose group has it"
        return .error("FRC216", "cannot \(verb) \(objects): the group of the consumer this tool signs in as (\(group)) \(fix)", at: location)
    }

    static func groupHasAccounts(_ group: LiveGroup, at location: SourceLocation?) -> Self {
        let accounts = group.accountsCount == 1 ? "1 user account is" : "\(group.accountsCount) user accounts are"
        return .error(
            "FRC217",
            "cannot delete \(ResourceAddress(.group, group.name)) (id \(group.id)): \(accounts) assigned to it, and the server refuses to delete a group in use; reassign those accounts in Fracttal, declare the group, or add it to settings.protect.groups",
            at: location)
    }

    static func groupUsedByConsumers(_ group: LiveGroup, users: [String], at location: SourceLocation?) -> Self {
        .error(
            "FRC218",
            "cannot delete \(ResourceAddress(.group, group.name)) (id \(group.id)): consumers that stay still use it: \(users.joined(separator: ", ")); move them to another group, declare the group, or add it to settings.protect.groups",
            at: location)
    }

    static func massDelete(_ kind: ResourceKind, deletes: Int, liveCount: Int, threshold: Int, at location: SourceLocation?) -> Self {
        let noun = kind == .consumer ? "live consumers" : "live permission groups"
        let share = Double(deletes) * 100 / Double(liveCount)
        let percent = share.rounded() == share ? String(Int(share)) : String(format: "%.1f", share)
        return .error(
            "FRC219",
            "would delete \(deletes) of \(liveCount) \(noun) (\(percent)%), more than max_delete_percent \(threshold); pass --allow-mass-delete if that is meant",
            at: location)
    }

    static func nameWillCollide(_ name: String, keys: [String], at location: SourceLocation) -> Self {
        .warning(
            "FRC220",
            "after this plan \(keys.count) live consumers will be named \(DisplayText.quoted(name)) (keys \(listed(keys))); matching by name will then be ambiguous, so keep `key:` on this declaration or rename the other consumer",
            at: location)
    }
}


/// `a`, `a and b`, `a, b and c`.
func listed(_ items: [String]) -> String {
    guard items.count > 1, let last = items.last else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + last
}

extension Diagnostic {
    static func severalMadeBehindMark(_ name: String, keys: [String], at location: SourceLocation?) -> Self {
        .error(
            "FRC222",
            "an interrupted delivery of \(ResourceAddress(.consumer, name)) left \(keys.count) new live consumers of that name (keys \(listed(keys))) and the store holds none of their secrets; delete the extra ones in Fracttal, or bind one with `key:`, then plan again",
            at: location)
    }

    static func undeclaredUndelivered(_ consumer: LiveConsumer, reason: String, at location: SourceLocation?) -> Self {
        .error(
            "FRC223",
            "consumer \(DisplayText.quoted(consumer.name)) (key \(consumer.key)) is live with a secret nobody holds (\(reason)), and no file declares it; declare it so the plan rotates its secret, or delete it in Fracttal",
            at: location)
    }
}
