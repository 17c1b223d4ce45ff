import Foundation
import FracttalModel
import FracttalPlan

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The apply journal: a write-ahead log, one file per target, in `.fracttal/journal/` of the working folder.
///
/// Before a create, replacement or rotation is sent, its intent is on disk (fsync); once its secret is
/// in the secrets file, that is recorded too. An intent left without that record (a kill, a crash, a
/// lost machine mid-call) tells the next `plan` or `apply` from the same folder that a consumer's secret
/// may never have been saved, and the planner rotates it. The journal never holds a secret: only
/// consumer names, keys, actions and times. Folder mode 0700, file mode 0600.
public final class ApplyJournal: Sendable {
    /// The journal's folder under the working folder.
    public static let defaultFolder = ".fracttal/journal"

    /// The file of this target's journal.
    public let path: String
    private let committer: GroupCommit<JournalRecord>

    /// Opens (creating folder and file as needed) the journal of `target` in `folder`.
    public init(folder: String = ApplyJournal.defaultFolder, target: String) throws(JournalError) {
        path = Self.path(folder: folder, target: target)
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw JournalError(path: path, reason: "its folder cannot be created")
        }
        let path = path
        // A rest of 1 ms after each fsync lets the intents of the calls about to start share the next one:
        // it cut apply's processor time for 2,000 creates by a sixth, where 3 ms already cost more in waiting.
        committer = GroupCommit(label: "fracttal.journal", rest: { .milliseconds(1) }) { records in
            try Self.append(records, to: path)
        }
    }

    /// The file that holds `target`'s journal: a readable part of the target and a digest of all of it.
    public static func path(folder: String = ApplyJournal.defaultFolder, target: String) -> String {
        let readable = String(target.unicodeScalars.map { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) ? Character(scalar) : "-"
        }.prefix(40))
        return (folder as NSString).appendingPathComponent("\(readable)-\(Fingerprint.of(data: Data(target.utf8))).jsonl")
    }

    /// The secrets that earlier applies to `target` from this folder may have caused but never saved.
    public static func undeliveredSecrets(folder: String = ApplyJournal.defaultFolder, target: String) throws(JournalError) -> [UndeliveredSecret] {
        JournalReplay(try records(at: path(folder: folder, target: target))).undelivered
    }

    /// Makes the intent durable; returns its id. Call before the request is sent.
    public func recordIntent(_ action: ActionType, consumer name: String, key: String?) async throws(JournalError) -> String {
        let id = UUID().uuidString.lowercased()
        let record = JournalRecord.intent(id: id, action: action.rawValue, consumer: name, key: key, at: Date())
        do {
            try await committer.commit(record)
        } catch {
            throw JournalError(path: path, reason: (error as? JournalError)?.reason ?? "it cannot be written")
        }
        return id
    }

    /// Records the key an intent's answer gave (written with the next group; a loss only costs a lookup by name).
    public func recordIssued(_ id: String, key: String) {
        committer.submit(.issued(id: id, key: key))
    }

    /// Records that the secret of consumer `name` (key `key`) is in the secrets file (written with the
    /// next group; a loss only costs one more rotation).
    public func recordSettled(_ id: String, consumer name: String, key: String) {
        committer.submit(.settled(id: id, consumer: name, key: key))
    }

    /// Writes what is pending, then keeps only the intents still waiting for their secret; removes the
    /// file when none is. After `everythingDone` (every action of the apply succeeded) nothing is kept:
    /// the plan turned every earlier intent into an action, and each of those succeeded.
    public func finish(everythingDone: Bool) async throws(JournalError) {
        do {
            try await committer.flush()
        } catch {
            throw JournalError(path: path, reason: (error as? JournalError)?.reason ?? "it cannot be written")
        }
        let pending = everythingDone ? [] : JournalReplay(try Self.records(at: path)).pendingRecords
        if pending.isEmpty {
            unlink(path)
            return
        }
        do {
            var data = Data()
            for record in pending { data.append(try Self.encoder.encode(record)); data.append(0x0A) }
            try AtomicFile.write(data, to: path)
        } catch {
            throw JournalError(path: path, reason: "it cannot be rewritten")
        }
    }

    // MARK: - File

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Appends `records` as lines and flushes the file to disk.
    private static func append(_ records: [JournalRecord], to path: String) throws(JournalError) {
        var data = Data()
        for record in records {
            guard let line = try? encoder.encode(record) else { throw JournalError(path: path, reason: "a record cannot be encoded") }
            data.append(line)
            data.append(0x0A)
        }
        let existed = FileManager.default.fileExists(atPath: path)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw JournalError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        do {
            try AtomicFile.writeAll(data, to: descriptor)
        } catch {
            throw JournalError(path: path, reason: error.description)
        }
        guard fsync(descriptor) == 0 else { throw JournalError(path: path, reason: String(cString: strerror(errno))) }
        if !existed { AtomicFile.syncFolder(of: path) }
    }

    /// The records of a journal file; a missing file holds none, and a torn last line (a crash mid-write) is skipped.
    private static func records(at path: String) throws(JournalError) -> [JournalRecord] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JournalError(path: path, reason: "it cannot be read")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(JournalRecord.self, from: Data($0)) }
    }
}

/// The journal cannot be read or written; the text names the file, never a secret.
public struct JournalError: CodedError, Sendable, Hashable, CustomStringConvertible {
    /// The journal file.
    public var path: String
    /// Why, in a few words.
    public var reason: String

    /// The code printed after the sentence.
    public var code: Diagnostic.Code { "FRC315" }

    /// One sentence that says what is wrong and what to do.
    public var description: String {
        "the apply journal \(path) cannot be used (\(reason)); make the .fracttal folder of the working folder writable, then run again"
    }
}

extension JournalReplay {
    /// The pending intents as records to keep, each with what its answer gave.
    var pendingRecords: [JournalRecord] {
        pending.flatMap { intent -> [JournalRecord] in
            let start = JournalRecord.intent(
                id: intent.id, action: intent.action, consumer: intent.name, key: intent.replacedKey ? nil : intent.key,
                at: intent.startedAt)
            guard intent.replacedKey || intent.action == "create", let key = intent.key else { return [start] }
            return [start, .issued(id: intent.id, key: key)]
        }
    }
}
