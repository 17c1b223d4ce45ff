import Foundation
import FracttalModel

/// Stable digests (FNV-1a, 64 bits, 16 lower-case hex digits) of live objects, live states and configuration bytes.
///
/// A digest is for noticing change, not for security: the live state holds no secret.
public enum Fingerprint {
    /// The digest of one live group: id, name, description, permissions, default flag and account count.
    public static func of(_ group: LiveGroup) -> String {
        var hasher = FNV1a()
        hasher.combine(group)
        return hasher.hex
    }

    /// The digest of one live consumer as a plan records it for `action`: every field but `created_at` and
    /// `updated_at`; when its secret was issued counts only for a rotation, the one action that a secret
    /// issued elsewhere changes (rotating again would take that secret from whoever holds it).
    public static func of(_ consumer: LiveConsumer, for action: ActionType) -> String {
        var hasher = FNV1a()
        hasher.combine(consumer, includingSecretAge: action == .rotateSecret)
        return hasher.hex
    }

    /// The digest of a group a plan relies on without acting on it: as `of(_:)`, but without the account
    /// count, which a person joining or leaving the group changes and no action depends on.
    public static func dependency(of group: LiveGroup) -> String {
        var hasher = FNV1a()
        hasher.combine(group, includingAccounts: false)
        return hasher.hex
    }

    /// The digest of a consumer a plan relies on without acting on it: as `of(_:)`, but without when its
    /// secret was issued (a restarted sandbox resets its bootstrap consumer's secret, and the tool holds the new one).
    public static func dependency(of consumer: LiveConsumer) -> String {
        var hasher = FNV1a()
        hasher.combine(consumer, includingSecretAge: false)
        return hasher.hex
    }

    /// The digest of the permission catalog's codes, whatever their order.
    public static func of(catalog: PermissionCatalog) -> String {
        var hasher = FNV1a()
        hasher.combine("catalog")
        let codes = catalog.codes.map(\.description).sorted()
        hasher.combine(codes.count)
        for code in codes { hasher.combine(code) }
        return hasher.hex
    }

    /// The digest of a whole live state, whatever the order of its lists; when each secret was issued is left out.
    public static func of(_ live: LiveState) -> String {
        var hasher = FNV1a()
        hasher.combine("state")
        // Sorting positions rather than the objects themselves saves copying every object.
        let groups = live.groups.indices.sorted { live.groups[$0].id < live.groups[$1].id }
        hasher.combine(groups.count)
        for position in groups { hasher.combine(live.groups[position]) }
        let consumers = live.consumers.indices.sorted { live.consumers[$0].key < live.consumers[$1].key }
        hasher.combine(consumers.count)
        // When a secret was issued is left out here: a secret reset elsewhere (the sandbox resets its
        // bootstrap consumer's secret on every start) changes no action of the plan. A rotation the plan
        // makes still checks that consumer's own fingerprint, which includes it.
        for position in consumers { hasher.combine(live.consumers[position], includingSecretAge: false) }
        let codes = live.catalog.codes.map(\.description).sorted()
        hasher.combine(codes.count)
        for code in codes { hasher.combine(code) }
        return hasher.hex
    }

    /// The digest of what a secret store listed, whatever the order: names, keys, issue times and pending
    /// marks (a store never lists a secret). Whether another apply holds its lock is left out.
    public static func of(_ record: DeliveryRecord) -> String {
        var hasher = FNV1a()
        hasher.combine("delivery")
        let entries = record.entries.sorted { ($0.name, $0.key ?? "") < ($1.name, $1.key ?? "") }
        hasher.combine(entries.count)
        for entry in entries {
            hasher.combine(entry.name)
            hasher.combine(entry.key)
            hasher.combine(entry.secretCreatedAt != nil)
            if let created = entry.secretCreatedAt { hasher.combine(created) }
            hasher.combine(entry.pending?.intent)
        }
        return hasher.hex
    }

    /// The digest of some bytes, such as a saved plan's actions.
    public static func of(data: Data) -> String {
        var hasher = FNV1a()
        data.withUnsafeBytes { hasher.add($0) }
        return hasher.hex
    }
}

/// Values written into FNV-1a in a canonical, length-prefixed encoding, so that no two different inputs
/// share a byte stream.
extension FNV1a {
    mutating func combine(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { add($0) }
    }

    mutating func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }

    mutating func combine(_ value: Bool) { add(CollectionOfOne(value ? 1 : 0)) }

    mutating func combine(_ text: String) {
        combine(text.utf8.count)
        if text.utf8.withContiguousStorageIfAvailable({ add($0) }) == nil {
            add(text.utf8)
        }
    }

    mutating func combine(_ text: String?) {
        combine(text != nil)
        if let text { combine(text) }
    }

    mutating func combine(_ date: Date) {
        combine(date.timeIntervalSince1970.bitPattern)
    }

    mutating func combine(_ value: FieldValue) {
        switch value {
        case .text(let text): combine(text)
        case .optionalText(let text): combine(text)
        case .number(let number): combine(number)
        case .flag(let flag): combine(flag)
        case .list(let items):
            combine(items.count)
            for item in items { combine(item) }
        }
    }

    mutating func combine(_ group: LiveGroup, includingAccounts: Bool = true) {
        combine("group")
        combine(group.id)
        let fields = group.fields
        for field in GroupField.allCases { combine(fields.value(of: field)) }
        combine(group.isDefault)
        if includingAccounts { combine(group.accountsCount) }
    }

    mutating func combine(_ consumer: LiveConsumer, includingSecretAge: Bool = true) {
        combine("consumer")
        combine(consumer.key)
        for field in ConsumerField.allCases { combine(consumer.fields.value(of: field)) }
        if includingSecretAge { combine(consumer.secretCreatedAt) }
    }
}
