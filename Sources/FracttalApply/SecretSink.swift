import Foundation
import FracttalModel

/// The `--secrets-out` file: each issued secret is merged into it and written atomically with mode 0600.
///
/// The file is read once and kept in memory. Secrets that arrive while a rewrite of the file runs are
/// written together by the next one (`GroupCommit`), so a secret costs the same whatever the file
/// already holds, and `write` returns only once the secret is on disk. A secret that cannot be written
/// is kept in memory only, is never shown, and is listed by name and key in `unsavedSecrets`.
public actor SecretSink {
    /// The file's path, as the user gave it.
    public nonisolated let path: String
    /// The file's format.
    public nonisolated let format: SecretsFormat

    private nonisolated let file: SecretsFileCopy
    private nonisolated let committer: GroupCommit<SecretsFileCopy.Entry>
    /// Credentials that could not be written, by key, with the consumer's name.
    private var unsaved: [String: (name: String, credentials: ConsumerCredentials)] = [:]
    /// The order in which keys were first left unsaved.
    private var unsavedOrder: [String] = []

    /// Creates a sink for a file; nothing is read or written until asked.
    public init(path: String, format: SecretsFormat = .json) {
        self.path = path
        self.format = format
        let file = SecretsFileCopy(path: path, format: format)
        self.file = file
        committer = GroupCommit(label: "fracttal.secrets", rest: { Self.rest(afterWriting: file) }) { entries in
            try file.store(entries)
        }
    }

    /// How fast rewrites may write the file, in bytes per second, averaged over a rewrite and the rest after it.
    static let rewriteBytesPerSecond = 8 << 20
    /// The longest rest after a rewrite.
    static let longestRest = Duration.milliseconds(250)

    /// The rest after a rewrite, in proportion to the file's size (see `rewriteBytesPerSecond`): the secrets
    /// that arrive meanwhile share the next rewrite, so groups grow with the file and each secret costs
    /// the same number of bytes written however large the file is. Rewriting back to back instead wrote the
    /// whole file for every two or three secrets: 1.9 GB for 10,000 creates.
    private static func rest(afterWriting file: SecretsFileCopy) -> Duration {
        let size = file.lastWrittenSize + (file.overflow?.lastWrittenSize ?? 0)
        return min(.microseconds(Int64(size) * 1_000_000 / Int64(rewriteBytesPerSecond)), longestRest)
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
        let keysByEnvName = try file.keysByEnvName()
        guard format == .env else { return }
        var nameByEnvName: [String: String] = [:]
        for name in names {
            let envName = SecretEnvironmentName.name(for: name)
            if let other = nameByEnvName[envName], ExactName(other) != ExactName(name) {
                throw .namesCollide(first: other, second: name, envName: envName, path: path)
            }
            nameByEnvName[envName] = name
        }
        for envName in keysByEnvName.keys.sorted() {
            guard let name = nameByEnvName[envName], let key = keysByEnvName[envName] ?? nil,
                  let holder = liveNames[key], ExactName(holder) != ExactName(name) else { continue }
            throw .fileEntryCollides(name: name, heldBy: holder, key: key, envName: envName, path: path)
        }
    }

    /// Merges one consumer's key and secret into the file; returns once the file on disk holds them.
    ///
    /// On failure the credentials stay in memory (see `unsavedSecrets`) and the error says which key to rotate.
    public func write(_ credentials: ConsumerCredentials, for name: String) async throws(SecretSinkError) {
        do {
            try await committer.commit(SecretsFileCopy.Entry(name: name, credentials: credentials))
            if unsaved.removeValue(forKey: credentials.key) != nil {
                unsavedOrder.removeAll { $0 == credentials.key }
            }
        } catch {
            if unsaved.updateValue((name, credentials), forKey: credentials.key) == nil {
                unsavedOrder.append(credentials.key)
            }
            let reason = (error as? SecretsFileCopy.StoreFailure)?.reason ?? "an unexpected error"
            throw .writeFailed(name: name, key: credentials.key, path: path, reason: reason)
        }
    }

    /// Tries again to write every secret that could not be written; returns those still unsaved.
    @discardableResult
    public func retryUnsaved() async -> [UnsavedSecret] {
        for key in unsavedOrder {
            guard let entry = unsaved[key] else { continue }
            try? await write(entry.credentials, for: entry.name)
        }
        return unsavedSecrets
    }

    /// For an env file, where the credentials went that no env quoting makes safe, and for which consumers.
    public nonisolated var divertedSecrets: (path: String, names: [String])? {
        guard let overflow = file.overflow else { return nil }
        let names = file.divertedNames
        return names.isEmpty ? nil : (overflow.path, names)
    }

    /// The secrets issued but not written, by consumer name and key, in the order they failed.
    public var unsavedSecrets: [UnsavedSecret] {
        unsavedOrder.compactMap { key in unsaved[key].map { UnsavedSecret(name: $0.name, key: key) } }
    }
}
