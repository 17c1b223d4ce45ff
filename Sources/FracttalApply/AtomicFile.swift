import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's content all at once, readable and writable by its owner only (mode 0600).
///
/// The bytes go to a new temporary file in the same folder (created with mode 0600), which is
/// flushed to disk and renamed over the target; then the folder is flushed, so that after a crash
/// the file holds either its old or its new content, never a part.
enum AtomicFile {
    /// Why a file operation failed: the step and the system's reason.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes `data` to `path` atomically with mode 0600.
    static func write(_ data: Data, to path: String) throws(Failure) {
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(errno, "cannot create a temporary file in \(folder(of: path))") }
        var finished = false
        defer {
            if !finished { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            // The creation mode is filtered by the umask; set it exactly.
            guard fchmod(descriptor, 0o600) == 0 else { throw failure(errno, "cannot set mode 0600") }
            try writeAll(data, to: descriptor)
            guard fsync(descriptor) == 0 else { throw failure(errno, "cannot flush the file to disk") }
        }
        guard rename(temporary, path) == 0 else { throw failure(errno, "cannot rename the temporary file to \(path)") }
        finished = true
        syncFolder(of: path)
    }

    /// Checks that a file can be created in the folder of `path`, by creating and removing one.
    static func checkFolderWritable(for path: String) throws(Failure) {
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(errno, "cannot create a file in \(folder(of: path))") }
        close(descriptor)
        unlink(temporary)
    }

    /// The folder that holds `path`.
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// `.<name>.tmp-<random>` next to the target.
    private static func temporaryPath(for path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        return (folder(of: path) as NSString).appendingPathComponent(".\(name).tmp-\(random)")
    }

    /// Writes all of `data` to an open file, going on after interruptions.
    static func writeAll(_ data: Data, to descriptor: Int32) throws(Failure) {
        let code: Int32 = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        if code != 0 { throw failure(code, "cannot write the file") }
    }

    /// Flushes the folder's entry list, so the rename survives a crash; best effort.
    static func syncFolder(of path: String) {
        let descriptor = open(folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// A failure of `step`, with the system's words for `code` (an errno value, read before anything else can change it).
    private static func failure(_ code: Int32, _ step: String) -> Failure {
        Failure(description: "\(step): \(String(cString: strerror(code)))")
    }
}

/// The system's `write(2)`, named apart from `AtomicFile.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
