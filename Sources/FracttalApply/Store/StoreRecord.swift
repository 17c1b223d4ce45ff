import Foundation
import FracttalModel

/// The file store's record beside the secrets: the scope it belongs to, each entry's key and issue time,
/// and the pending marks, one per consumer name at most.
///
/// The JSON file keeps it under the member `""` (no consumer name is empty); the env file in
/// `# fracttal:` comment lines. Names compare exactly (`ExactName`).
struct StoreRecord {
    /// One entry's metadata.
    struct EntryMetadata {
        var name: String
        var key: String
        var secretCreatedAt: Date?
    }

    /// The scope the file belongs to (`StoreScope.text`); nil for a new or older file.
    var scope: String?
    /// Entry metadata by exact name (env files only: a JSON file keeps it in each entry).
    private(set) var entries: [ExactName: EntryMetadata] = [:]
    /// Pending marks by exact name, with the name as written.
    private(set) var marks: [ExactName: (name: String, mark: PendingMark)] = [:]

    /// Sets the mark of `name`, replacing an earlier one.
    mutating func setMark(_ mark: PendingMark, name: String) {
        marks[ExactName(name)] = (name, mark)
    }

    /// Clears the mark with this id; returns whether there was one.
    @discardableResult
    mutating func clearMark(intent: String) -> Bool {
        guard let name = marks.first(where: { $0.value.mark.intent == intent })?.key else { return false }
        marks[name] = nil
        return true
    }

    /// The mark of `name`, if any.
    func mark(of name: String) -> PendingMark? { marks[ExactName(name)]?.mark }

    /// Moves a mark to a new name.
    mutating func renameMark(from: String, to: String) {
        guard let held = marks.removeValue(forKey: ExactName(from)) else { return }
        marks[ExactName(to)] = (to, held.mark)
    }

    /// Sets an entry's metadata.
    mutating func setEntry(name: String, key: String, secretCreatedAt: Date?) {
        entries[ExactName(name)] = EntryMetadata(name: name, key: key, secretCreatedAt: secretCreatedAt)
    }

    /// Removes an entry's metadata.
    mutating func removeEntry(name: String) {
        entries[ExactName(name)] = nil
    }

    /// An entry's metadata.
    func entry(named name: String) -> EntryMetadata? { entries[ExactName(name)] }

    /// Takes one JSON object of the record; false when it is none this version knows.
    mutating func read(_ object: [String: Any]) -> Bool {
        if let scope = object["scope"] as? String {
            self.scope = scope
            return true
        }
        if let entry = object["entry"] as? [String: Any], let name = entry["name"] as? String, let key = entry["key"] as? String {
            setEntry(name: name, key: key, secretCreatedAt: StoreJSON.date(entry["secret_created_at"]))
            return true
        }
        if let pending = object["pending"] as? [String: Any], let name = pending["name"] as? String,
           let mark = StoreJSON.mark(from: pending) {
            setMark(mark, name: name)
            return true
        }
        return false
    }

    /// The record as JSON objects, one per line of an env file: the scope, entries and marks by name.
    func objects() -> [[String: Any]] {
        var objects: [[String: Any]] = []
        if let scope { objects.append(["scope": scope, "store": 1]) }
        for entry in sortedEntries() {
            var object: [String: Any] = ["name": entry.name, "key": entry.key]
            if let created = entry.secretCreatedAt { object["secret_created_at"] = StoreJSON.instant(created) }
            objects.append(["entry": object])
        }
        for held in sortedMarks() { objects.append(["pending": StoreJSON.object(of: held.mark, name: held.name)]) }
        return objects
    }

    /// The entries' metadata ordered by name.
    func sortedEntries() -> [EntryMetadata] {
        entries.values.sorted { $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars) }
    }

    /// The marks ordered by name.
    func sortedMarks() -> [(name: String, mark: PendingMark)] {
        marks.values.sorted { $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars) }
    }

    /// The record as the JSON file's `""` member: scope and marks.
    func jsonMember() -> [String: Any] {
        var member: [String: Any] = ["store": 1, "pending": sortedMarks().map { StoreJSON.object(of: $0.mark, name: $0.name) }]
        if let scope { member["scope"] = scope }
        return member
    }

    /// Reads the JSON file's `""` member; false when it is not one.
    mutating func readJSONMember(_ value: Any) -> Bool {
        guard let member = value as? [String: Any] else { return false }
        scope = member["scope"] as? String
        for pending in member["pending"] as? [Any] ?? [] {
            guard let object = pending as? [String: Any], let name = object["name"] as? String,
                  let mark = StoreJSON.mark(from: object) else { return false }
            setMark(mark, name: name)
        }
        return true
    }
}
