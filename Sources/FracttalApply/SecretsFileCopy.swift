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

    /// The parsed file of either format, or nothing read yet.
    private enum Contents {
        case unread
        case json(JSONSecretsFile)
        case env(EnvSecretsFile)
    }

    let path: String
    let format: SecretsFormat
    /// The file's contents as last read or written; `unread` until first needed.
    private let contents = Mutex<Contents>(.unread)
    /// For an env file: the JSON file beside it that takes the credentials no env quoting makes safe.
    let overflow: SecretsFileCopy?
    /// The consumers whose credentials went to `overflow`, by name.
    private let diverted = Mutex<[String]>([])
    /// The size of the file as last written, in bytes.
    private let writtenBytes = Atomic<Int>(0)

    init(path: String, format: SecretsFormat) {
        self.path = path
        self.format = format
        overflow = format == .env ? SecretsFileCopy(path: path + ".json", format: .json) : nil
    }

    /// The size in bytes of the file as last written here (0 before the first write).
    var lastWrittenSize: Int { writtenBytes.load(ordering: .relaxed) }

    /// The consumers whose credentials went to the JSON file beside an env file, in the order they came.
    var divertedNames: [String] { diverted.withLock { $0 } }

    /// The key each env NAME holds in the file (nil for a NAME with no key line); empty for a JSON file.
    func keysByEnvName() throws(SecretSinkError) -> [String: String?] {
        try contents.withLock { (contents: inout Contents) throws(SecretSinkError) -> [String: String?] in
            if case .unread = contents { contents = try read() }
            guard case .env(let file) = contents else { return [:] }
            return file.entries.mapValues(\.key)
        }
    }

    /// Merges `entries` into the file and replaces it on disk atomically (fsync, mode 0600).
    ///
    /// The copy in memory is taken out while it changes, so that it changes in place instead of being
    /// copied whole, and is kept once the file on disk holds the entries. After a failed write none is
    /// kept: the next store reads the file again, which the failed write left as it was.
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
        try contents.withLock { (contents: inout Contents) throws(StoreFailure) in
            var current = contents
            contents = .unread
            if case .unread = current { current = try readForStore() }
            let data = try Self.merge(entries, into: &current)
            try Self.write(data, to: path)
            writtenBytes.store(data.count, ordering: .relaxed)
            contents = current
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

    /// Sets `entries` in `contents` (read) and returns the new bytes.
    private static func merge(_ entries: [Entry], into contents: inout Contents) throws(StoreFailure) -> Data {
        switch contents {
        case .unread:
            throw StoreFailure(reason: "it was not read")
        case .json(var file):
            // With `contents` emptied, `file` is the only hold on the entries, which then change in place.
            contents = .unread
            for entry in entries { file.set(name: entry.name, credentials: entry.credentials) }
            do {
                let data = try file.rendered()
                contents = .json(file)
                return data
            } catch {
                throw StoreFailure(reason: error.reason)
            }
        case .env(var file):
            contents = .unread
            for entry in entries { file.set(name: entry.name, credentials: entry.credentials) }
            contents = .env(file)
            return file.rendered()
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
