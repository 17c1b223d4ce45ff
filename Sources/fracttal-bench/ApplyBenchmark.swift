import FracttalSandbox
import Foundation

/// `fracttal apply` of many updates against a rate-limited sandbox with a fixed latency.
struct ApplyResult: Sendable {
    /// Changes the plan held.
    var changes: Int
    /// Concurrent calls (`--parallelism`).
    var parallelism: Int
    /// The sandbox's limit, requests per window.
    var limit: RateLimit
    /// The injected latency, milliseconds.
    var latencyMilliseconds: Int
    /// Wall time of the whole apply process, seconds.
    var wallSeconds: Double
    /// Peak RSS of the apply process, MiB.
    var peakMiB: Double
    /// `/api` requests the sandbox counted.
    var apiRequests: Int
    /// `/api` requests of the read before the changes (catalog and list pages).
    var readRequests: Int
    /// Seconds from the first change request to the last answer, as the sandbox's counter saw it.
    var changeSeconds: Double
    /// 406 answers in the client's debug log.
    var rateLimitedAnswers: Int
    /// The apply's summary line.
    var summary: String

    /// Change requests per second over the change phase.
    var requestsPerSecond: Double { Double(apiRequests - readRequests) / changeSeconds }
    /// The limit in requests per second.
    var limitPerSecond: Double { Double(limit.count) / Double(limit.windowSeconds) }
    /// Achieved rate over the limit.
    var ratio: Double { requestsPerSecond / limitPerSecond }
}

enum ApplyBenchmark {
    static let limit = RateLimit(count: 6_000, windowSeconds: 60)
    static let latency = 20

    /// Seeds `changes` consumers, serves them with the limit and latency, and applies a description change to each.
    static func measure(
        changes: Int, directory: String, fracttal: String, environment: [String: String], parallelism: Int
    ) async throws -> ApplyResult {
        let workload = Workload.apply(consumers: changes, groups: 10)
        _ = try workload.write(to: directory + "/config")
        let server = try await workload.serve(
            dataPath: directory + "/sandbox.sqlite",
            configuration: SandboxConfiguration(rateLimit: limit, faults: FaultPlan(latencyMilliseconds: latency...latency), seed: 1)
        )

        var environment = environment.merging(server.fracttalTarget) { $1 }
        environment["FRACTTAL_LOG_LEVEL"] = "debug"
        let liveConsumers = workload.liveConsumers.count + PlanBenchmark.seededConsumers
        let liveGroups = workload.liveGroups.count + PlanBenchmark.seededGroups
        let readRequests = 1 + (liveGroups + 99) / 100 + (liveConsumers + 99) / 100

        // The counter's value and when it changed, sampled while apply runs.
        var changesSeen: [(count: Int, at: UInt64)] = []
        var last = server.requestCount
        let log = directory + "/apply.log"
        let output = directory + "/apply.txt"
        let run: ChildRun
        do {
            run = try ChildProcess.run(
                [
                    fracttal, "apply", directory + "/config", "--auto-approve", "--secrets-out", directory + "/secrets.json",
                    "--parallelism", String(parallelism),
                ],
                environment: environment, directory: directory, stdout: output, stderr: log
            ) {
                let count = server.requestCount
                if count != last {
                    changesSeen.append((count, DispatchTime.now().uptimeNanoseconds))
                    last = count
                }
            }
        } catch {
            await server.stop()
            throw error
        }
        let total = server.requestCount
        await server.stop()
        guard run.status == 0 else {
            let errors = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw BenchError("fracttal apply failed (exit \(run.status)):\n\(errors.suffix(2000))")
        }
        // The change phase starts when the first request after the reads reaches the sandbox
        // (its answer comes 20 ms later) and ends at the last one plus its latency.
        let start = changesSeen.first { $0.count > readRequests }?.at ?? 0
        let end = changesSeen.last?.at ?? 0
        let seconds = Double(end - start) / 1e9 + Double(latency) / 1000
        let lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n")
        let summary = ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").split(separator: "\n")
            .last { $0.hasPrefix("Apply") }.map(String.init) ?? ""
        return ApplyResult(
            changes: workload.declaredConsumers, parallelism: parallelism, limit: limit, latencyMilliseconds: latency,
            wallSeconds: run.seconds, peakMiB: run.peakMiB, apiRequests: total, readRequests: readRequests,
            changeSeconds: seconds, rateLimitedAnswers: lines.filter { $0.contains(" -> 406") }.count, summary: summary
        )
    }
}
