import Foundation

/// Reads a file whole, unless it is over the size limit: the size is checked first, and at most
/// one byte past the limit is ever read (a file may grow, or be a device that reports no size).
enum LimitedFileReader {
    /// Why a file was not read.
    enum Failure: Error {
        /// Over the limit; the size as known.
        case tooLarge(bytes: Int)
        /// Could not be opened or read.
        case unreadable(reason: String)
    }

    /// The file's bytes.
    static func read(_ path: String, limit: Int) -> Result<Data, Failure> {
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let size = (attributes[.size] as? NSNumber)?.intValue, size > limit {
            return .failure(.tooLarge(bytes: size))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(.unreadable(reason: "it cannot be opened"))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            if data.count > limit { return .failure(.tooLarge(bytes: data.count)) }
            return .success(data)
        } catch {
            return .failure(.unreadable(reason: error.localizedDescription))
        }
    }
}
