import Foundation
import FracttalModel

/// The `--secrets-out` file: each issued secret is merged into it and written atomically with mode 0600.
///
/// Writes are serialized by the actor and each one re-reads the file, so concurrent actions never lose
/// each other's entries. A secret that cannot be written is kept in memory only, is never shown, and is
/// listed by name and key in `unsavedSecrets`.
public actor SecretSink {
    /// The file's path, as the user gave it.
    public nonisolated let path: String
    /// The file's format.
    public nonisolated let format: SecretsFormat

    /// Credentials that could not be written, by key, with the consumer's name.
    private var unsaved: [String: (name: String, credentials: ConsumerCredentials)] = [:]
    /// The order in which keys were first left unsaved.
    private var unsavedOrder: [String] = []

    /// Creates a sink for a file; nothing is read or written until asked.
    public init(path: String, format: SecretsFormat = .json) {
        self.path = path
        self.format = format
    }

    /// Checks, before any change, that a new file can be created in the secrets file's folder.
    public func checkWritable() throws(SecretSinkError) {
        do {
            try AtomicFile.checkFolderWritable(for: path)
        } catch {
            throw .unwritableFolder(path: path, reason: error.description)
        }
    }

    /// Checks, before any change, that the file can be merged into and that no two consumers share an env NAME.
    ///
    /// `names` are the consumers whose secrets this apply writes. In env format, two of them that map to one
    /// NAME are an error, and so is a NAME the file already holds for another consumer: the file's entry
    /// belongs to the consumer whose key it holds, and `liveNames` tells the name each live key will carry
    /// after the apply (a key no longer live is a stale entry, which is simply overwritten).
    public func checkCollisions(names: [String], liveNames: [String: String] = [:]) throws(SecretSinkError) {
        let contents = try readContents()
        guard case .env(let file) = contents else { return }
        var nameByEnvName: [String: String] = [:]
        for name in names {
            let envName = SecretEnvironmentName.name(for: name)
            if let other = nameByEnvName[envName], other != name {
                throw .namesCollide(first: other, second: name, envName: envName, path: path)
            }
            nameByEnvName[envName] = name
        }
        for envName in file.entries.keys.sorted() {
            guard let name = nameByEnvName[envName], let key = file.entries[envName]?.key,
                  let holder = liveNames[key], holder != name else { continue }
            throw .fileEntryCollides(name: name, heldBy: holder, key: key, envName: envName, path: path)
        }
    }

    /// Merges one consumer's key and secret into the file and writes it atomically.
    ///
    /// On failure the credentials stay in memory (see `unsavedSecrets`) and the error says which key to rotate.
    public func write(_ credentials: ConsumerCredentials, for name: String) throws(SecretSinkError) {
        do {
            try store(credentials, for: name)
            if unsaved.removeValue(forKey: credentials.key) != nil {
                unsavedOrder.removeAll { $0 == credentials.key }
            }
        } catch {
            if unsaved.updateValue((name, credentials), forKey: credentials.key) == nil {
                unsavedOrder.append(credentials.key)
            }
            throw .writeFailed(name: name, key: credentials.key, path: path, reason: error.reason)
        }
    }

    /// Tries again to write every secret that could not be written; returns those still unsaved.
    @discardableResult
    public func retryUnsaved() -> [UnsavedSecret] {
        for key in unsavedOrder {
            guard let entry = unsaved[key] else { continue }
            try? write(entry.credentials, for: entry.name)
        }
        return unsavedSecrets
    }

    /// The secrets issued but not written, by consumer name and key, in the order they failed.
    public var unsavedSecrets: [UnsavedSecret] {
        unsavedOrder.compactMap { key in unsaved[key].map { UnsavedSecret(name: $0.name, key: key) } }
    }

    // MARK: - Reading and writing

    /// The parsed file of either format.
    private enum Contents {
        case json(JSONSecretsFile)
        case env(EnvSecretsFile)
    }

    /// A failure to read, merge or write, in a few words.
    private struct StoreFailure: Error {
        var reason: String
    }

    private func store(_ credentials: ConsumerCredentials, for name: String) throws(StoreFailure) {
        let data: Data
        do {
            switch try readContents() {
            case .json(var file):
                file.set(name: name, credentials: credentials)
                data = try file.rendered()
            case .env(var file):
                file.set(name: name, credentials: credentials)
                data = file.rendered()
            }
        } catch let error as SecretSinkError {
            if case .unusableFile(_, let reason) = error { throw StoreFailure(reason: reason) }
            throw StoreFailure(reason: error.description)
        } catch let error as SecretsFileProblem {
            throw StoreFailure(reason: error.reason)
        } catch {
            throw StoreFailure(reason: "an unexpected error")
        }
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            throw StoreFailure(reason: error.description)
        }
    }

    /// Reads and parses the file; a missing file is an empty one.
    private func readContents() throws(SecretSinkError) -> Contents {
        let data = try readData()
        do {
            switch format {
            case .json: return .json(try JSONSecretsFile(parsing: data))
            case .env: return .env(try EnvSecretsFile(parsing: data))
            }
        } catch {
            throw .unusableFile(path: path, reason: error.reason)
        }
    }

    private func readData() throws(SecretSinkError) -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return Data() }
        guard !isFolder.boolValue else { throw .unusableFile(path: path, reason: "it is a folder") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unusableFile(path: path, reason: "it cannot be read")
        }
    }
}
