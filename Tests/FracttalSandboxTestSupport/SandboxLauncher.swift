import Foundation
import FracttalSandbox

/// Starts the sandbox on an ephemeral loopback port for the length of a test.
public enum SandboxLauncher {
    /// Starts a sandbox with `configuration` and the routes of `routes` (the console) beside its own,
    /// runs `body` with it, and stops it afterwards, also when `body` throws.
    @discardableResult
    package static func with<T>(
        _ configuration: SandboxConfiguration = SandboxConfiguration(), routes: (any SandboxRouteExtension)? = nil,
        _ body: (SandboxServer) async throws -> T
    ) async throws -> T {
        let server = try await SandboxServer.start(configuration, routes: routes)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// A path for a sandbox store that outlives one server, in memory-backed storage when the system
    /// has it (a bulk seed writes thousands of transactions); `removeStore(at:)` deletes it.
    public static func temporaryStorePath() -> String {
        let shared = URL(fileURLWithPath: "/dev/shm")
        let directory = FileManager.default.isWritableFile(atPath: shared.path) ? shared : FileManager.default.temporaryDirectory
        return directory.appendingPathComponent("fracttal-tests-\(UUID().uuidString).sqlite").path
    }

    /// Removes a store file and its SQLite companions.
    public static func removeStore(at path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
