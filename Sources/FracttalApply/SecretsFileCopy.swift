import Foundation
import FracttalModel
import Synchronization

/// The secrets file as read once from disk, kept in memory, changed entry by entry and written whole.
final class SecretsFileCopy: Sendable {
    /// One consumer's credentials to merge into the file.
    struct Entry: Sendable {
        var name: String
        var credentials: ConsumerCredentials
    }

    /// A failure to read, merge or write, in a few words.
    struct StoreFailure: Error {
        var reason: String
    }

    /// The parsed file of either format.
    private enum Contents {
        case json(JSONSecretsFile)
        case env(EnvSecretsFile)
    }

    let path: String
    let format: SecretsFormat
    /// The file's contents as last read or written; nil until first needed.
    private let contents = Mutex<Contents?>(nil)
    /// For an env file: the JSON file beside it that takes the credentials no env quoting makes safe.
    let overflow: SecretsFileCopy?
    /// The consumers whose credentials went to `overflow`, by name.
    private let diverted = Mutex<[String]>([])

    init(path: String, format: SecretsFormat) {
        self.path = path
        self.format = format
        overflow = format == .env ? SecretsFileCopy(path: path + ".json", format: .json) : nil
    }

    /// The consumers whose credentials went to the JSON file beside an env file, in the order they came.
    var divertedNames: [String] { diverted.withLock { $0 } }

    /// The key each env NAME holds in the file (nil for a NAME with no key line); empty for a JSON file.
    func keysByEnvName() throws(SecretSinkError) -> [String: String?] {
        try contents.withLock { (contents: inout Contents?) throws(SecretSinkError) -> [String: String?] in
            let loaded: Contents
            if let contents {
                loaded = contents
            } else {
                loaded = try read()
            }
            contents = loaded
            guard case .env(let file) = loaded else { return [:] }
            return file.entries.mapValues(\.key)
        }
    }

    /// Merges `entries` into the file and replaces it on disk atomically (fsync, mode 0600).
    ///
    /// The copy in memory changes only once the file on disk holds the entries.
    func store(_ entries: [Entry]) throws(StoreFailure) {
        var entries = entries
        if let overflow {
            let unsafe = entries.filter { !EnvSecretsFile.canHold($0.credentials) }
            if !unsafe.isEmpty {
                try overflow.store(unsafe)
                diverted.withLock { $0 += unsafe.map(\.name) }
                entries.removeAll { !EnvSecretsFile.canHold($0.credentials) }
                if entries.isEmpty { return }
            }
        }
        try contents.withLock { (contents: inout Contents?) throws(StoreFailure) in
            let current: Contents
            if let contents {
                current = contents
            } else {
                current = try readForStore()
            }
            let (updated, data) = try Self.merging(entries, into: current)
            try Self.write(data, to: path)
            contents = updated
        }
    }

    /// Replaces the file on disk.
    private static func write(_ data: Data, to path: String) throws(StoreFailure) {
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            throw StoreFailure(reason: error.description)
        }
    }

    /// The contents with `entries` set, and their bytes.
    private static func merging(_ entries: [Entry], into contents: Contents) throws(StoreFailure) -> (Contents, Data) {
        switch contents {
        case .json(var file):
            for entry in entries { file.set(name: entry.name, credentials: entry.credentials) }
            do {
                return (.json(file), try file.rendered())
            } catch {
                throw StoreFailure(reason: error.reason)
            }
        case .env(var file):
            for entry in entries { file.set(name: entry.name, credentials: entry.credentials) }
            return (.env(file), file.rendered())
        }
    }

    /// `read()`, with its failure in the few words of a write failure.
    private func readForStore() throws(StoreFailure) -> Contents {
        do {
            return try read()
        } catch {
            if case .unusableFile(_, let reason) = error { throw StoreFailure(reason: reason) }
            throw StoreFailure(reason: error.description)
        }
    }

    /// Reads and parses the file; a missing file is an empty one.
    private func read() throws(SecretSinkError) -> Contents {
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
