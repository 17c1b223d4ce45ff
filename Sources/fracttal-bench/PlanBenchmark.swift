import FracttalSandbox
import Foundation

/// `fracttal plan` end to end against the in-process sandbox.
struct PlanResult: Sendable {
    /// Live consumers (seeded ones included).
    var liveConsumers: Int
    /// Live groups (seeded ones included).
    var liveGroups: Int
    /// Consumers declared.
    var declaredConsumers: Int
    /// Wall times, seconds.
    var fracttal: Summary
    /// Largest peak RSS over the runs, MiB.
    var peakMiB: Double
    /// The yardstick on the same configuration file, seconds.
    var yardstick: Summary
    /// `/api` requests the sandbox counted in each run (the same in every run, or the largest).
    var apiRequests: Int
    /// Token requests the client logged in the counting run.
    var tokenRequests: Int
    /// Every request the client logged in the counting run.
    var clientRequests: Int
    /// The plan's summary line from the counting run.
    var summary: String

    /// Requests sent: the sandbox's `/api` count plus the token requests.
    var requests: Int { apiRequests + tokenRequests }
    /// 1 token + 1 catalog page + a page per 100 groups + a page per 100 consumers.
    var minimumRequests: Int { 2 + (liveGroups + 99) / 100 + (liveConsumers + 99) / 100 }
    /// fracttal's best over the yardstick's best.
    var bestRatio: Double { fracttal.best / yardstick.best }
    /// fracttal's median over the yardstick's median.
    var medianRatio: Double { fracttal.median / yardstick.median }
}

enum PlanBenchmark {
    /// The groups and consumers every new sandbox store starts with (StoreSeed).
    static let seededGroups = 3
    static let seededConsumers = 8

    /// Seeds a sandbox with the workload's live company, serves it, and plans `runs` times.
    static func measure(
        workload: Workload, directory: String, file: String, fracttal: String, environment: [String: String], runs: Int
    ) async throws -> PlanResult {
        let server = try await workload.serve(dataPath: directory + "/sandbox.sqlite")
        do {
            let result = try run(
                server: server, workload: workload, directory: directory, file: file, fracttal: fracttal,
                environment: environment, runs: runs
            )
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private static func run(
        server: SandboxServer, workload: Workload, directory: String, file: String, fracttal: String,
        environment: [String: String], runs: Int
    ) throws -> PlanResult {
        let environment = environment.merging(server.fracttalTarget) { $1 }
        let arguments = [fracttal, "plan", directory + "/config", "--allow-mass-delete"]

        // One counting run first (it also warms the sandbox's page cache): the client's debug log
        // names every request it sends, the token request included.
        var counting = environment
        counting["FRACTTAL_LOG_LEVEL"] = "debug"
        let log = directory + "/plan.log"
        let planText = directory + "/plan.txt"
        let before = server.requestCount
        let first = try ChildProcess.run(arguments, environment: counting, stdout: planText, stderr: log)
        guard first.status == 0 else {
            let errors = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw BenchError("fracttal plan failed (exit \(first.status)):\n\(errors.suffix(2000))")
        }
        var apiRequests = server.requestCount - before
        let lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n")
        let requestLines = lines.filter { $0.contains(" -> ") }
        let tokenRequests = requestLines.filter { $0.contains("/oauth/token") }.count
        let summary = ((try? String(contentsOfFile: planText, encoding: .utf8)) ?? "").split(separator: "\n")
            .last { $0.hasPrefix("Plan:") || $0.contains("to create") || $0.contains("No changes") }
            .map(String.init) ?? ""

        var ours: [Double] = []
        var theirs: [Double] = []
        var peak = 0.0
        for _ in 0..<runs {
            let yard = try ChildProcess.run(Yardstick.arguments(file), environment: environment)
            guard yard.status == 0 else { throw BenchError("the PyYAML yardstick failed (exit \(yard.status)) on \(file)") }
            theirs.append(yard.seconds)
            let count = server.requestCount
            let run = try ChildProcess.run(arguments, environment: environment)
            guard run.status == 0 else { throw BenchError("fracttal plan failed (exit \(run.status))") }
            apiRequests = max(apiRequests, server.requestCount - count)
            ours.append(run.seconds)
            peak = max(peak, run.peakMiB)
        }
        return PlanResult(
            liveConsumers: workload.liveConsumers.count + seededConsumers,
            liveGroups: workload.liveGroups.count + seededGroups,
            declaredConsumers: workload.declaredConsumers,
            fracttal: Summary(ours), peakMiB: peak, yardstick: Summary(theirs),
            apiRequests: apiRequests, tokenRequests: tokenRequests, clientRequests: requestLines.count, summary: summary
        )
    }
}
