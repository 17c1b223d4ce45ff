import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SandboxCredentials {
    /// Writes `{"key": ..., "secret": ...}` to `path` atomically (a temporary file in the same
    /// folder, mode 0600, renamed over the target).
    public func writeJSON(to path: String) throws {
        let object = ["key": key, "secret": secret]
        var data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        data.append(0x0A)
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(RandomText.alphanumeric(count: 8)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw SandboxConfigurationError(
                "cannot write the credentials file \(path): \(String(cString: strerror(errno))); choose a writable --credentials-out"
            )
        }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == data.count, synced == 0, rename(temporary.path, target.path) == 0 else {
            unlink(temporary.path)
            throw SandboxConfigurationError(
                "cannot write the credentials file \(path): \(String(cString: strerror(errno))); choose a writable --credentials-out"
            )
        }
    }
}
