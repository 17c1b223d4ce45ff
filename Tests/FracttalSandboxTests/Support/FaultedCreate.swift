import Foundation
import FracttalSandbox
import FracttalSandboxTestSupport
import FracttalTestSupport

/// One group creation against a sandbox with faults on a data file, and what it left behind.
struct FaultedCreate {
    /// The answer, or the transport error when there was none.
    let result: Result<Reply, any Error>
    /// How long the call took.
    let elapsed: Duration
    /// The groups a fault-free sandbox on the same file counts after the faulted one stopped.
    let groupCount: Int?

    /// Creates a group named "faulted" against a sandbox with `faults`, stops it, then counts
    /// the groups with a fault-free sandbox on the same file (the seed holds 3).
    static func run(
        faults: String, faultDelayMilliseconds: Int = SandboxConfiguration.defaultFaultDelayMilliseconds
    ) async throws -> FaultedCreate {
        try await TemporaryFolder.with(prefix: "fracttal-sandbox-tests") { folder in
            let path = folder.path("sandbox.sqlite")
            let configuration = SandboxConfiguration(
                dataPath: path, faults: try FaultPlan.parse(faults), faultDelayMilliseconds: faultDelayMilliseconds
            )
            let (result, elapsed) = try await TestSandbox.with(configuration) { sandbox in
                let token = try await sandbox.token()
                let clock = ContinuousClock()
                let started = clock.now
                let result: Result<Reply, any Error>
                do {
                    result = .success(
                        try await sandbox.call(.POST, "/groups_permissions/", token: token, json: Fixtures.group("faulted"))
                    )
                } catch {
                    result = .failure(error)
                }
                return (result, clock.now - started)
            }
            let count = try await TestSandbox.with(SandboxConfiguration(dataPath: path)) { sandbox in
                try await sandbox.call(.GET, "/groups_permissions/", token: try await sandbox.token()).total
            }
            return FaultedCreate(result: result, elapsed: elapsed, groupCount: count)
        }
    }

    /// The answer, when there was one.
    var reply: Reply? { try? result.get() }
}
