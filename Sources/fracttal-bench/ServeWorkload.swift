import FracttalSandbox
import Foundation

/// `--serve N`: the plan workload of N consumers, seeded and served until the process is stopped, so
/// that a profiler can run `fracttal plan` against it (scripts/profile.sh).
enum ServeWorkload {
    /// Writes `<directory>/config/config.yaml`, seeds and starts the sandbox, then writes
    /// `<directory>/env` (shell `export` lines for the sandbox's URLs and bootstrap credentials,
    /// mode 0600) and waits for standard input to close.
    static func run(consumers: Int, directory: String) async throws {
        let workload = Workload.plan(consumers: consumers, groups: 1_000)
        try? FileManager.default.removeItem(atPath: directory)
        _ = try workload.write(to: directory + "/config")
        let server = try await workload.serve(dataPath: directory + "/sandbox.sqlite")
        let exports = server.fracttalTarget.sorted { $0.key < $1.key }.map { "export \($0.key)='\($0.value)'\n" }.joined()
        let envFile = directory + "/env"
        guard FileManager.default.createFile(atPath: envFile, contents: Data(exports.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw BenchError("could not write \(envFile)")
        }
        log("serving \(consumers) consumers + 1,000 groups; configuration in \(directory)/config, environment in \(envFile); close standard input to stop")
        while (try? FileHandle.standardInput.read(upToCount: 4096))?.isEmpty == false {}
        await server.stop()
    }
}
