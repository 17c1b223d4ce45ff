import Foundation
import FracttalModel

/// The secrets file's contents in memory, in either format, with the store's operations on them.
enum SecretsDocument {
    case json(JSONSecretsFile, StoreRecord)
    case env(EnvSecretsFile)
    /// Held only while a change runs, so that the contents taken out are the only hold on them.
    case transient

    /// Parses a file's bytes (without a byte order mark) in `format`; empty bytes are an empty file.
    init(parsing data: Data, format: SecretsFormat) throws(SecretsFileProblem) {
        switch format {
        case .json:
            var file = try JSONSecretsFile(parsing: data)
            var record = StoreRecord()
            if let member = file.value(named: "") {
                guard record.readJSONMember(member) else {
                    throw SecretsFileProblem("its member \"\" is not a store record this version of fracttal reads")
                }
                file.remove(named: "")
            }
            self = .json(file, record)
        case .env:
            self = .env(try EnvSecretsFile(parsing: data))
        }
    }

    /// The store's record.
    var record: StoreRecord {
        switch self {
        case .json(_, let record): record
        case .env(let file): file.record
        case .transient: StoreRecord()
        }
    }

    /// Changes the store's record.
    mutating func changeRecord(_ change: (inout StoreRecord) -> Void) {
        switch self {
        case .json(let file, var record):
            self = .transient  // drops this hold on the contents, so they change in place instead of being copied
            change(&record)
            self = .json(file, record)
        case .env(var file):
            self = .transient
            file.changeRecord(change)
            self = .env(file)
        case .transient:
            break
        }
    }

    /// Every entry and mark; never a secret.
    func entries() -> [StoredSecretEntry] {
        var result: [StoredSecretEntry] = []
        var seen: Set<ExactName> = []
        let record = record
        switch self {
        case .json(let file, _):
            for member in file.members {
                guard let object = member.value as? [String: Any], let key = object["key"] as? String,
                      object["secret"] is String
                else { continue }
                seen.insert(ExactName(member.name))
                result.append(StoredSecretEntry(
                    name: member.name, key: key, secretCreatedAt: StoreJSON.date(object["secret_created_at"]),
                    pending: record.mark(of: member.name)))
            }
        case .transient:
            break
        case .env:
            for metadata in record.sortedEntries() {
                seen.insert(ExactName(metadata.name))
                result.append(StoredSecretEntry(
                    name: metadata.name, key: metadata.key, secretCreatedAt: metadata.secretCreatedAt,
                    pending: record.mark(of: metadata.name)))
            }
        }
        for held in record.sortedMarks() where !seen.contains(ExactName(held.name)) {
            result.append(StoredSecretEntry(name: held.name, key: nil, secretCreatedAt: nil, pending: held.mark))
        }
        return result
    }

    /// The key stored for `name`, if any.
    func key(of name: String) -> String? {
        switch self {
        case .json(let file, _): (file.value(named: name) as? [String: Any])?["key"] as? String
        case .env(let file): file.record.entry(named: name)?.key
        case .transient: nil
        }
    }

    /// Stores a secret for its consumer and clears its mark; nil when done, else why not.
    mutating func put(_ secret: DeliveredSecret) -> String? {
        switch self {
        case .json(var file, let record):
            self = .transient
            file.set(name: secret.name, key: secret.key, secret: secret.secret, secretCreatedAt: StoreJSON.instant(secret.secretCreatedAt))
            self = .json(file, record)
        case .env(var file):
            guard EnvSecretsFile.canHold(key: secret.key, secret: secret.secret) else {
                return "its key or secret holds characters that no quoting makes safe in an env file; use --secrets-format json"
            }
            self = .transient
            file.set(name: secret.name, key: secret.key, secret: secret.secret, secretCreatedAt: secret.secretCreatedAt)
            self = .env(file)
        case .transient:
            return "the file was not read"
        }
        if let intent = secret.intent { changeRecord { $0.clearMark(intent: intent) } }
        return nil
    }

    /// Moves the entry of `key` from one name to another; nil when done, else why not.
    mutating func rename(_ rename: EntryRename) -> String? {
        guard key(of: rename.from) == rename.key else {
            changeRecord { $0.renameMark(from: rename.from, to: rename.to) }
            return nil
        }
        switch self {
        case .json(var file, let record):
            guard let value = file.value(named: rename.from) else { return nil }
            self = .transient
            file.remove(named: rename.from)
            file.set(name: rename.to, value: value)
            self = .json(file, record)
        case .env(var file):
            guard let values = file.entries[SecretEnvironmentName.name(for: rename.from)], let key = values.key,
                  let secret = values.secret, EnvSecretsFile.canHold(key: key, secret: secret)
            else { return "its entry cannot be read back" }
            let created = file.record.entry(named: rename.from)?.secretCreatedAt ?? Date(timeIntervalSince1970: 0)
            self = .transient
            file.remove(name: rename.from)
            file.set(name: rename.to, key: key, secret: secret, secretCreatedAt: created)
            self = .env(file)
        case .transient:
            return "the file was not read"
        }
        changeRecord { $0.renameMark(from: rename.from, to: rename.to) }
        return nil
    }

    /// Forgets the entry of a deleted consumer (only when it still holds that key) and its mark.
    mutating func forget(_ entry: EntryForget) {
        if let mark = record.mark(of: entry.name), mark.key == entry.key || mark.oldKey == entry.key {
            changeRecord { $0.clearMark(intent: mark.intent) }
        }
        guard key(of: entry.name) == entry.key else { return }
        switch self {
        case .json(var file, let record):
            self = .transient
            file.remove(named: entry.name)
            self = .json(file, record)
        case .env(var file):
            self = .transient
            file.remove(name: entry.name)
            self = .env(file)
        case .transient:
            break
        }
    }

    /// The file's new bytes.
    mutating func rendered() throws(SecretsFileProblem) -> Data {
        switch self {
        case .json(var file, let record):
            self = .transient
            file.set(name: "", value: record.jsonMember())
            defer {
                file.remove(named: "")
                self = .json(file, record)
            }
            return try file.rendered()
        case .env(let file):
            return file.rendered()
        case .transient:
            throw SecretsFileProblem("it was not read")
        }
    }
}
