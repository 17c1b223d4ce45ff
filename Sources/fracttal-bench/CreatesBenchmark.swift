import FracttalSandbox
import Foundation

/// `fracttal apply` creating N consumers against an unthrottled sandbox, side by side with a plain
/// keep-alive client sending the same N creates one after another.
struct CreatesResult: Sendable {
    /// Consumers created per run.
    var consumers: Int
    /// Concurrent calls of the apply (`--parallelism`).
    var parallelism: Int
    /// Wall times of the whole apply process, seconds, in run order.
    var applyRuns: [Double]
    /// Wall times of the yardstick process, seconds, in run order.
    var yardstickRuns: [Double]
    /// Wall times of the same apply delivering through a store helper that answers at once, seconds.
    var helperRuns: [Double]
    /// Largest peak RSS of the apply over the runs, MiB.
    var peakMiB: Double
    /// `/api` requests the sandbox counted during one apply (the largest over the runs).
    var apiRequests: Int
    /// The apply's summary line.
    var summary: String

    /// The apply's best and median.
    var apply: Summary { Summary(applyRuns) }
    /// The yardstick's best and median.
    var yardstick: Summary { Summary(yardstickRuns) }
    /// The helper-store apply's best and median.
    var helper: Summary { Summary(helperRuns) }
    /// The apply's best over the yardstick's best.
    var bestRatio: Double { apply.best / yardstick.best }
    /// The apply's median over the yardstick's median.
    var medianRatio: Double { apply.median / yardstick.median }
    /// The helper-store apply's best over the file-store apply's best.
    var helperBestRatio: Double { helper.best / apply.best }
    /// The helper-store apply's median over the file-store apply's median.
    var helperMedianRatio: Double { helper.median / apply.median }
}

enum CreatesBenchmark {
    /// Runs the yardstick, the apply with the file store and the apply with a store helper alternately, `runs`
    /// times each, each against a freshly seeded sandbox.
    static func measure(
        consumers: Int, directory: String, fracttal: String, environment: [String: String], parallelism: Int, runs: Int
    ) async throws -> CreatesResult {
        let workload = Workload.creates(consumers: consumers)
        let config = try workload.write(to: directory + "/config")
        let (group, lines) = try Workload.createBodies(consumers: consumers)
        let bodies = directory + "/bodies.jsonl"
        try lines.write(toFile: bodies, atomically: false, encoding: .utf8)
        var result = CreatesResult(
            consumers: consumers, parallelism: parallelism, applyRuns: [], yardstickRuns: [], helperRuns: [], peakMiB: 0,
            apiRequests: 0,
            summary: ""
        )
        for run in 1...runs {
            let yardstick = try await serving(workload, in: directory + "/yardstick-\(run)") { server, _ in
                let arguments = CreatesYardstick.arguments(count: consumers, group: group, bodies: bodies)
                let child = try ChildProcess.run(arguments, environment: environment.merging(server.fracttalTarget) { $1 })
                // One group lookup, then the creates.
                guard child.status == 0, server.requestCount == consumers + 1 else {
                    throw BenchError("the creates yardstick failed (exit \(child.status), \(server.requestCount) requests)")
                }
                return child
            }
            result.yardstickRuns.append(yardstick.seconds)
            let folder = directory + "/apply-\(run)"
            let (apply, requests) = try await serving(workload, in: folder) { server, folder in
                let child = try runApply(
                    config: config, in: folder, store: folder + "/secrets.json", server: server, fracttal: fracttal,
                    environment: environment, parallelism: parallelism)
                return (child, server.requestCount)
            }
            try checkSecrets(folder + "/secrets.json", count: consumers)
            let helperFolder = directory + "/helper-\(run)"
            let helperCount = helperFolder + "/delivered.txt"
            let helperApply = try await serving(workload, in: helperFolder) { server, folder in
                try runApply(
                    config: config, in: folder, store: InstantStoreHelper.store(countPath: helperCount), server: server,
                    fracttal: fracttal, environment: environment, parallelism: parallelism)
            }
            let delivered = (try? String(contentsOfFile: helperCount, encoding: .utf8)).flatMap { Int($0) }
            guard delivered == consumers else {
                throw BenchError("the store helper received \(delivered.map(String.init) ?? "no count of") complete entries, expected \(consumers)")
            }
            result.helperRuns.append(helperApply.seconds)
            result.apiRequests = max(result.apiRequests, requests)
            result.applyRuns.append(apply.seconds)
            result.peakMiB = max(result.peakMiB, apply.peakMiB)
            result.summary = ((try? String(contentsOfFile: folder + "/apply.txt", encoding: .utf8)) ?? "")
                .split(separator: "\n").last { $0.hasPrefix("Apply") }.map(String.init) ?? ""
            log(String(format: "  run %ld: apply %.3f s, through a helper %.3f s, yardstick %.3f s", run, apply.seconds,
                helperApply.seconds, yardstick.seconds))
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: helperFolder)
            try? FileManager.default.removeItem(atPath: directory + "/yardstick-\(run)")
        }
        return result
    }

    /// Seeds the workload's live company into a new store in `folder`, serves it without limit or fault
    /// while `body` runs, and stops it.
    private static func serving<Outcome>(
        _ workload: Workload, in folder: String, _ body: (SandboxServer, String) throws -> Outcome
    ) async throws -> Outcome {
        let server = try await workload.serve(dataPath: folder + "/sandbox.sqlite")
        do {
            let outcome = try body(server, folder)
            await server.stop()
            return outcome
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Runs `fracttal apply` with `folder` as its working folder, delivering to `store` (`--secrets-out`).
    private static func runApply(
        config: String, in folder: String, store: String, server: SandboxServer, fracttal: String,
        environment: [String: String], parallelism: Int
    ) throws -> ChildRun {
        let arguments = [
            fracttal, "apply", config, "--auto-approve", "--secrets-out", store,
            "--parallelism", String(parallelism),
        ]
        let log = folder + "/apply.log"
        let child = try ChildProcess.run(
            arguments, environment: environment.merging(server.fracttalTarget) { $1 }, directory: folder,
            stdout: folder + "/apply.txt", stderr: log
        )
        guard child.status == 0 else {
            let errors = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw BenchError("fracttal apply failed (exit \(child.status)):\n\(errors.suffix(2000))")
        }
        return child
    }

    /// Checks that the secrets file holds `count` entries, each with a key and a secret; never shows one.
    private static func checkSecrets(_ path: String, count: Int) throws {
        guard let data = FileManager.default.contents(atPath: path),
            var object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw BenchError("the secrets file \(path) is missing or not a JSON object") }
        // The member "" is the store's own record (scope and pending marks), not an entry.
        object[""] = nil
        let complete = object.values.filter { entry in
            guard let entry = entry as? [String: Any] else { return false }
            return (entry["key"] as? String)?.isEmpty == false && (entry["secret"] as? String)?.isEmpty == false
        }
        guard object.count == count, complete.count == count else {
            throw BenchError("the secrets file holds \(object.count) entries (\(complete.count) with key and secret), expected \(count)")
        }
    }
}
