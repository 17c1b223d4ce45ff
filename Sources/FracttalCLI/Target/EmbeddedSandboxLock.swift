import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lets one command at a time use the embedded sandbox of a folder.
///
/// Each start of the sandbox gives its bootstrap consumer a new secret (the store keeps only a hash),
/// so a second command starting it while a first one runs would sign the first one out. Each command
/// therefore holds an exclusive `flock` on `sandbox.sqlite.lock` beside the store from before the
/// sandbox starts until it has stopped; a second command says that it waits, and waits. The lock
/// goes with the process, so a command that is killed never leaves it behind.
final class EmbeddedSandboxLock: Sendable {
    /// What a command prints on standard error while another one holds the lock.
    static let waitingMessage = "waiting for another fracttal command using the embedded sandbox in this folder…"

    private let descriptor: Mutex<Int32?>

    private init(descriptor: Int32) {
        self.descriptor = Mutex(descriptor)
    }

    /// The path of the lock file of the store at `dataPath`.
    static func path(beside dataPath: String) -> String {
        dataPath + ".lock"
    }

    /// Takes the lock of the store at `dataPath`, waiting (and saying so on standard error) while
    /// another command holds it. The store's folder must exist.
    static func acquire(beside dataPath: String) async throws -> EmbeddedSandboxLock {
        let path = path(beside: dataPath)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw LockFailure(path: path, reason: String(cString: strerror(errno)))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EAGAIN else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw LockFailure(path: path, reason: reason)
            }
            CommandContext.current.err(waitingMessage)
            // A blocking wait, on a thread of its own rather than the concurrency pool.
            let failure: Int32? = await BlockingWork.run {
                while flock(descriptor, LOCK_EX) != 0 {
                    if errno != EINTR { return errno }
                }
                return nil
            }
            if let failure {
                close(descriptor)
                throw LockFailure(path: path, reason: String(cString: strerror(failure)))
            }
        }
        return EmbeddedSandboxLock(descriptor: descriptor)
    }

    /// Lets the next command in; later calls do nothing.
    func release() {
        guard let descriptor = descriptor.withLock({ value in defer { value = nil }; return value }) else { return }
        close(descriptor)
    }

    deinit {
        release()
    }

    /// The lock file could not be opened or locked.
    struct LockFailure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot lock \(path): \(reason)" }
    }
}
