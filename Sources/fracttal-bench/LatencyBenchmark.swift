import FracttalSandbox
import Foundation

/// `fracttal plan` behind a fixed latency, against the same requests sent one after another.
struct LatencyResult: Sendable {
    /// Consumers declared (the plan workload's size).
    var declaredConsumers: Int
    /// The injected latency of every `/api` call, milliseconds.
    var latencyMilliseconds: Int
    /// The sandbox's rate limit.
    var limit: RateLimit
    /// Requests the yardstick sent (token included).
    var requests: Int
    /// `fracttal plan` wall times, seconds.
    var fracttal: Summary
    /// The yardstick's wall times, seconds.
    var yardstick: Summary

    /// fracttal's best over the yardstick's best.
    var bestRatio: Double { fracttal.best / yardstick.best }
    /// fracttal's median over the yardstick's median.
    var medianRatio: Double { fracttal.median / yardstick.median }
}

enum LatencyBenchmark {
    /// How the measurement is made, for the report.
    static let explanation = """
        The plan behind latency: the 10,000-consumer plan workload served with every `/api` call held \
        \(latency) ms (`--faults latency=\(latency)-\(latency)ms`) under Fracttal's own limit of \(limit); the yardstick, \
        taken alternately, is python3's `http.client` on one keep-alive connection sending the same requests \
        one after another (the token, the catalog's page, then every page of the groups and of the \
        consumers, each list's total read from its first page), process start included.
        """

    /// The latency of every call: a distant server.
    static let latency = 120
    /// Fracttal's own limit, which one plan's reads stay well within.
    static let limit = RateLimit.fracttalDefault

    /// Seeds the plan workload of `consumers`, serves it behind the latency, and runs the plan and the
    /// yardstick alternately, `runs` times each.
    static func measure(
        consumers: Int, directory: String, fracttal: String, environment: [String: String], runs: Int
    ) async throws -> LatencyResult {
        let workload = Workload.plan(consumers: consumers, groups: 1_000)
        _ = try workload.write(to: directory + "/config")
        let server = try await workload.serve(
            dataPath: directory + "/sandbox.sqlite",
            configuration: SandboxConfiguration(rateLimit: limit, faults: FaultPlan(latencyMilliseconds: latency...latency), seed: 1)
        )
        do {
            let result = try run(
                workload: workload, directory: directory, fracttal: fracttal,
                environment: environment.merging(server.fracttalTarget) { $1 }, runs: runs
            )
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private static func run(
        workload: Workload, directory: String, fracttal: String, environment: [String: String], runs: Int
    ) throws -> LatencyResult {
        let arguments = [fracttal, "plan", directory + "/config", "--allow-mass-delete"]
        var ours: [Double] = []
        var theirs: [Double] = []
        var requests = 0
        for _ in 0..<runs {
            let output = directory + "/yardstick.txt"
            let yard = try ChildProcess.run(LatencyYardstick.arguments, environment: environment, stdout: output)
            guard yard.status == 0 else { throw BenchError("the sequential-requests yardstick failed (exit \(yard.status))") }
            requests = Int(((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            theirs.append(yard.seconds)
            let run = try ChildProcess.run(arguments, environment: environment)
            guard run.status == 0 else { throw BenchError("fracttal plan behind latency failed (exit \(run.status))") }
            ours.append(run.seconds)
        }
        return LatencyResult(
            declaredConsumers: workload.declaredConsumers, latencyMilliseconds: latency, limit: limit, requests: requests,
            fracttal: Summary(ours), yardstick: Summary(theirs)
        )
    }
}
