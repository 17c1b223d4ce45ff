import Foundation
import FracttalModel

/// Folds the journal's lines into the intents still waiting for their secret to be saved.
struct JournalReplay {
    /// An intent and what is known of it.
    struct Intent {
        var id: String
        var action: String
        var name: String
        /// The key it acted on, or the one its answer gave.
        var key: String?
        var startedAt: Date
        var replacedKey: Bool
    }

    private(set) var pending: [Intent] = []

    /// Applies `records` in order.
    init(_ records: [JournalRecord]) {
        for record in records { apply(record) }
    }

    private mutating func apply(_ record: JournalRecord) {
        switch record.record {
        case .intent:
            guard let action = record.action, let name = record.consumer else { return }
            // A replacement's key is the one it deletes: the new consumer is found by name until its answer comes.
            pending.append(Intent(
                id: record.id, action: action, name: name, key: action == "replace" ? nil : record.key,
                startedAt: record.at ?? Date(timeIntervalSince1970: 0), replacedKey: action == "replace"))
        case .issued:
            guard let key = record.key, let position = pending.firstIndex(where: { $0.id == record.id }) else { return }
            pending[position].key = key
        case .settled:
            pending.removeAll { intent in
                intent.id == record.id
                    || (record.key != nil && intent.key.map { Self.same($0, record.key!) } == true)
                    || (record.consumer != nil && intent.key == nil && Self.same(intent.name, record.consumer!))
            }
        }
    }

    /// The pending intents as the planner takes them.
    var undelivered: [UndeliveredSecret] {
        pending.map { UndeliveredSecret(name: $0.name, key: $0.key, action: $0.action, startedAt: $0.startedAt) }
    }

    /// Names and keys compare as exact Unicode scalars.
    private static func same(_ left: String, _ right: String) -> Bool {
        ExactName(left) == ExactName(right)
    }
}
