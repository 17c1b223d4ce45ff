import Foundation
import FracttalModel

/// The JSON spelling of store records, shared by the file store and the helper protocol: field names of
/// the protocol, instants in RFC 3339.
enum StoreJSON {
    /// A mark as a JSON object, with the consumer's name when given.
    static func object(of mark: PendingMark, name: String? = nil) -> [String: Any] {
        var object: [String: Any] = [
            "intent": mark.intent, "action": mark.action.rawValue, "prior_keys": mark.priorKeys,
            "prior_secret_created_at": mark.priorSecretCreatedAt.map(instant) ?? NSNull(),
            "old_key": mark.oldKey ?? NSNull(), "key": mark.key ?? NSNull(),
        ]
        if let name { object["name"] = name }
        return object
    }

    /// A mark read from a JSON object; nil when it lacks an intent or a known action.
    static func mark(from value: Any?) -> PendingMark? {
        guard let object = value as? [String: Any], let intent = object["intent"] as? String,
              let action = (object["action"] as? String).flatMap(PendingMark.Action.init(rawValue:))
        else { return nil }
        return PendingMark(
            intent: intent, action: action, priorKeys: object["prior_keys"] as? [String] ?? [],
            priorSecretCreatedAt: date(object["prior_secret_created_at"]), oldKey: object["old_key"] as? String,
            key: object["key"] as? String)
    }

    /// An instant as stores write it.
    static func instant(_ date: Date) -> String {
        RFC3339.string(from: date, fractionalSeconds: .millisecondsWhenPresent)
    }

    /// An instant read from a JSON value; nil for anything but an RFC 3339 string.
    static func date(_ value: Any?) -> Date? {
        (value as? String).flatMap(RFC3339.date(from:))
    }

    /// One line of compact JSON with sorted keys, without a line break.
    static func line(_ object: [String: Any]) -> Data? {
        try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
