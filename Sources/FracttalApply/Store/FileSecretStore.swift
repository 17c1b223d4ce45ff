import Foundation
import FracttalModel
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The built-in store: a secrets file (JSON or env lines, mode 0600) that also holds the record of
/// delivery, locked with `flock` on `PATH.lock`.
///
/// The file is read once and kept in memory; every change rewrites it atomically in the folder of the
/// file it names (through a symbolic link, into the link's target). A byte order mark is kept. The lock
/// file is never removed: the kernel frees the lock when the process that holds it ends.
public final class FileSecretStore: SecretStore {
    /// The path as the user gave it.
    public let name: String
    /// The file's format.
    public let format: SecretsFormat
    /// Where the file is, resolved against the working folder.
    let path: String

    private struct State {
        var document: SecretsDocument?
        var byteOrderMark = false
        var scope: String?
        var writtenBytes = 0
    }

    private let state = Mutex(State())
    /// The open lock file while this process holds the lock, and its id.
    private let held = Mutex<(descriptor: Int32, lockID: String)?>(nil)

    /// A store for the file at `path` (as located in the working folder), named `name` in messages.
    public init(path: String, name: String? = nil, format: SecretsFormat = .json) {
        self.path = path
        self.name = name ?? path
        self.format = format
    }

    /// The path of the lock file.
    var lockPath: String { path + ".lock" }

    /// How long the writer rests after a rewrite: in proportion to the file's size (8 MiB/s, at most
    /// 0.25 s), so that what arrives meanwhile shares the next rewrite and each secret costs the same
    /// bytes written however large the file is.
    public var restAfterWrite: Duration {
        let size = state.withLock { $0.writtenBytes }
        return min(.microseconds(Int64(size) * 1_000_000 / Int64(8 << 20)), .milliseconds(250))
    }

    public func open(_ scope: StoreScope) throws(SecretStoreError) -> StoreCapabilities {
        try state.withLock { (state: inout State) throws(SecretStoreError) in
            try load(&state)
            if let holds = state.document?.record.scope, holds != scope.text {
                throw .otherScope(store: name, holds: holds, wanted: scope.text)
            }
            state.scope = scope.text
        }
        return StoreCapabilities(locks: true)
    }

    public func list() throws(SecretStoreError) -> [StoredSecretEntry] {
        try state.withLock { (state: inout State) throws(SecretStoreError) in
            try load(&state)
            return state.document?.entries() ?? []
        }
    }

    /// Checks, before any change, that a new file can be made in the file's folder.
    public func checkWritable() throws(SecretStoreError) {
        do {
            try AtomicFile.checkFolderWritable(for: try writePath())
        } catch {
            throw .unwritableFolder(store: name, reason: "\(error)")
        }
    }

    /// Checks, before any change, that the env NAMEs of `names` clash with nothing: each other, another
    /// consumer's entry in the file (`liveNames` gives the name each live key will carry), or a variable
    /// the tool itself reads. A JSON file has no NAMEs.
    public func checkNames(_ names: [String], liveNames: [String: String]) throws(SecretStoreError) {
        guard format == .env else { return }
        let keysByEnvName = try state.withLock { (state: inout State) throws(SecretStoreError) -> [String: String] in
            try load(&state)
            guard case .env(let file)? = state.document else { return [:] }
            return file.entries.compactMapValues(\.key)
        }
        var nameByEnvName: [String: String] = [:]
        for name in names {
            let envName = SecretEnvironmentName.name(for: name)
            for variable in [SecretEnvironmentName.keyVariable(named: envName), SecretEnvironmentName.secretVariable(named: envName)]
            where SecretEnvironmentName.readByTheTool.contains(variable) {
                throw .envNameReserved(store: name, name: name, variable: variable)
            }
            if let other = nameByEnvName[envName], ExactName(other) != ExactName(name) {
                throw .envNamesCollide(store: self.name, first: other, second: name, envName: envName)
            }
            nameByEnvName[envName] = name
        }
        for envName in keysByEnvName.keys.sorted() {
            guard let name = nameByEnvName[envName], let key = keysByEnvName[envName],
                  let holder = liveNames[key], ExactName(holder) != ExactName(name) else { continue }
            throw .envEntryCollides(store: self.name, name: name, heldBy: holder, key: key, envName: envName)
        }
    }

    // MARK: - Lock

    public func lock(holder: String, ttlSeconds: Int) throws(SecretStoreError) -> LockAttempt {
        if let mine = held.withLock({ $0 }) { return .granted(lockID: mine.lockID, ttlSeconds: 0) }
        let descriptor = openFile(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw .unusable(store: name, reason: "its lock file \(lockPath) cannot be opened: \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let holderInfo = Self.holder(in: descriptor)
            closeFile(descriptor)
            guard busy else { throw .unusable(store: name, reason: "its lock file \(lockPath) cannot be locked") }
            return .held(holderInfo ?? LockHolder(heldBy: "another process", since: "an unknown time", lockID: "unknown"))
        }
        let lockID = "file-\(getpid())-\(String(UInt64.random(in: .min ... .max), radix: 36))"
        let info: [String: Any] = ["held_by": holder, "since": StoreJSON.instant(Date()), "lock_id": lockID]
        if let line = StoreJSON.line(info) {
            _ = ftruncate(descriptor, 0)
            _ = lseek(descriptor, 0, SEEK_SET)
            try? AtomicFile.writeAll(line + Data([0x0A]), to: descriptor)
        }
        held.withLock { $0 = (descriptor, lockID) }
        return .granted(lockID: lockID, ttlSeconds: 0)
    }

    public func lockStatus() throws(SecretStoreError) -> LockHolder? {
        let descriptor = openFile(lockPath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { closeFile(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return nil
        }
        return Self.holder(in: descriptor) ?? LockHolder(heldBy: "another process", since: "an unknown time", lockID: "unknown")
    }

    public func renew(lockID: String) throws(SecretStoreError) {}

    public func unlock(lockID: String) throws(SecretStoreError) {
        if let mine = held.withLock({ $0 }), mine.lockID == lockID {
            closeFile(mine.descriptor)
            held.withLock { $0 = nil }
            return
        }
        if let holder = try lockStatus(), holder.lockID == lockID {
            throw .unusable(store: name, reason: "lock \(lockID) is held by a running process (\(DisplayText.escaped(holder.heldBy))) and is freed when it ends; stop that process instead")
        }
    }

    /// The holder written in an open lock file.
    private static func holder(in descriptor: Int32) -> LockHolder? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0, let object = try? JSONSerialization.jsonObject(with: Data(buffer[0..<count])) as? [String: Any],
              let heldBy = object["held_by"] as? String, let since = object["since"] as? String, let lockID = object["lock_id"] as? String
        else { return nil }
        return LockHolder(heldBy: heldBy, since: since, lockID: lockID)
    }

    // MARK: - Writes

    public func intend(_ intents: [DeliveryIntent], lockID: String?) throws(SecretStoreError) -> [String?] {
        try change { document in
            document.changeRecord { record in
                for intent in intents { record.setMark(intent.mark, name: intent.name) }
            }
            return intents.map { _ in nil }
        }
    }

    public func put(_ secrets: [DeliveredSecret], lockID: String?) throws(SecretStoreError) -> [String?] {
        try change { document in secrets.map { document.put($0) } }
    }

    public func withdraw(_ intents: [String], lockID: String?) throws(SecretStoreError) {
        _ = try change { document in
            document.changeRecord { record in
                for intent in intents { record.clearMark(intent: intent) }
            }
            return []
        }
    }

    public func rename(_ renames: [EntryRename], lockID: String?) throws(SecretStoreError) -> [String?] {
        try change { document in renames.map { document.rename($0) } }
    }

    public func forget(_ entries: [EntryForget], lockID: String?) throws(SecretStoreError) -> [String?] {
        try change { document in
            for entry in entries { document.forget(entry) }
            return entries.map { _ in nil }
        }
    }

    public func close() {
        if let mine = held.withLock({ $0 }) { try? unlock(lockID: mine.lockID) }
    }

    /// Changes the document and rewrites the file; the copy in memory is kept only once the file holds it.
    private func change(_ body: (inout SecretsDocument) -> [String?]) throws(SecretStoreError) -> [String?] {
        try state.withLock { (state: inout State) throws(SecretStoreError) -> [String?] in
            try load(&state)
            guard var document = state.document else { return [] }
            state.document = nil
            document.changeRecord { record in if record.scope == nil { record.scope = state.scope } }
            let answers = body(&document)
            do {
                var data = try document.rendered()
                if state.byteOrderMark { data.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
                try AtomicFile.write(data, to: try writePath())
                state.writtenBytes = data.count
                state.document = document
            } catch let error as SecretStoreError {
                throw error
            } catch let problem as SecretsFileProblem {
                throw SecretStoreError.unusable(store: name, reason: problem.reason)
            } catch {
                throw SecretStoreError.unusable(store: name, reason: "\(error)")
            }
            return answers
        }
    }

    /// Reads the file once; a missing file is an empty one.
    private func load(_ state: inout State) throws(SecretStoreError) {
        guard state.document == nil else { return }
        var data = try readData()
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            state.byteOrderMark = true
            data.removeFirst(3)
        }
        do {
            state.document = try SecretsDocument(parsing: data, format: format)
        } catch {
            throw .unusable(store: name, reason: error.reason)
        }
    }

    private func readData() throws(SecretStoreError) -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return Data() }
        guard !isFolder.boolValue else { throw .unusable(store: name, reason: "it is a folder") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unusable(store: name, reason: "it cannot be read")
        }
    }

    /// The file to replace: `path`, or the file its chain of symbolic links ends at.
    private func writePath() throws(SecretStoreError) -> String {
        var current = path
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = target.hasPrefix("/") ? target : (AtomicFile.folder(of: current) as NSString).appendingPathComponent(target)
        }
        throw .unusable(store: name, reason: "its symbolic links loop")
    }
}

/// The system's `open(2)`, named apart from `SecretStore.open`.
func openFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
    open(path, flags, mode)
}

/// The system's `close(2)`, named apart from `SecretStore.close`.
func closeFile(_ descriptor: Int32) {
    _ = close(descriptor)
}
