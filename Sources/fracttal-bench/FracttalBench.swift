import ArgumentParser
import FracttalSandbox
import Foundation

/// `fracttal-bench`: measures configuration load, plan and apply of the release `fracttal` binary
/// against the in-process sandbox, and apply creating consumers against a plain keep-alive
/// client, and writes BENCHMARKS.md.
@main
struct FracttalBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fracttal-bench",
        abstract: "Measure configuration load, plan and apply of the release fracttal binary and write BENCHMARKS.md.",
        discussion: """
            Run through scripts/benchmark.sh, which builds both in release first; extra arguments \
            go here, e.g. `scripts/benchmark.sh --runs 3`.
            """
    )

    @OptionGroup var options: Options

    func run() async throws {
        do {
            try await runBenchmark(options)
        } catch {
            log("fracttal-bench: \(error)")
            throw ExitCode.failure
        }
    }
}

/// Runs the measurements `options` choose, or serves a workload with `--serve`.
func runBenchmark(_ options: Options) async throws {
    if let consumers = options.serve {
        try await ServeWorkload.run(consumers: consumers, directory: options.serveDirectory)
        return
    }
    let fracttal = URL(fileURLWithPath: options.fracttal).standardizedFileURL.path
    guard FileManager.default.isExecutableFile(atPath: fracttal) else {
        throw BenchError("no fracttal binary at \(fracttal): build it with `swift build -c release --product fracttal` or pass --fracttal PATH")
    }
    let root = NSTemporaryDirectory() + "fracttal-bench-\(getpid())"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }

    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("FRACTTAL_") && $0.key != "CI" }
    environment["NO_COLOR"] = "1"

    if options.onlyCreates {
        let creates = try await measureCreates(options: options, root: root, fracttal: fracttal, environment: environment)
        print(creates.table)
        print("## Targets\n\n" + creates.targets)
        log("--only creates: BENCHMARKS.md left as it is")
        return
    }

    if options.only == .latency {
        let latency = try await measureLatency(options: options, root: root, fracttal: fracttal, environment: environment)
        print(Report.latencyTable(latency))
        print("## Targets\n\n" + "| \(Report.latencyTarget(latency).0) | \(Report.latencyTarget(latency).1) | \(Report.met(Report.latencyTarget(latency).2)) |")
        log("--only latency: BENCHMARKS.md left as it is")
        return
    }

    var loads: [LoadResult] = []
    var plans: [PlanResult] = []
    for size in options.sizes {
        let workload = Workload.plan(consumers: size, groups: 1_000)
        let directory = root + "/plan-\(size)"
        let file = try workload.write(to: directory + "/config")
        let bytes = workload.yaml.utf8.count
        if size >= 10_000 {
            log("configuration load, \(size) consumers + 1,000 groups (\(bytes / 1000) kB)")
            let load = try LoadBenchmark.measure(
                file: file, bytes: bytes, consumers: workload.declaredConsumers, groups: workload.declaredGroups,
                fracttal: fracttal, environment: environment, runs: options.runs
            )
            log(String(format: "  fracttal %.3f s (%.1f MiB), PyYAML %.3f s: ratio %.2f", load.fracttal.best, load.fracttalPeakMiB, load.yardstick.best, load.bestRatio))
            loads.append(load)
        }
        log("plan, \(size) live consumers + 1,000 groups")
        let plan = try await PlanBenchmark.measure(
            workload: workload, directory: directory, file: file, fracttal: fracttal, environment: environment,
            runs: options.runs
        )
        log(String(format: "  fracttal %.3f s (%.1f MiB), PyYAML %.3f s: ratio %.2f; requests %ld / %ld", plan.fracttal.best, plan.peakMiB, plan.yardstick.best, plan.bestRatio, plan.requests, plan.minimumRequests))
        plans.append(plan)
    }
    let latency = try await measureLatency(options: options, root: root, fracttal: fracttal, environment: environment)
    if options.only == .plans {
        let report = Report(
            machine: .current(), date: Date(), options: options, loads: loads, plans: plans, latency: latency, apply: nil, creates: nil
        )
        print(report.tables)
        print("## Targets\n\n" + report.targets)
        log("--only plans: BENCHMARKS.md left as it is")
        return
    }
    log("apply of 1,000 updates, parallelism \(options.parallelism)")
    let apply = try await ApplyBenchmark.measure(
        changes: 1_000, directory: root + "/apply", fracttal: fracttal, environment: environment,
        parallelism: options.parallelism
    )
    log(String(format: "  %.1f requests/s = %.2f of the limit, %ld × 406", apply.requestsPerSecond, apply.ratio, apply.rateLimitedAnswers))

    let creates = try await measureCreates(options: options, root: root, fracttal: fracttal, environment: environment)

    let report = Report(
        machine: .current(), date: Date(), options: options, loads: loads, plans: plans, latency: latency, apply: apply,
        creates: creates
    )
    print(report.tables)
    print("## Targets\n\n" + report.targets)
    let previous = (try? String(contentsOfFile: options.out, encoding: .utf8)) ?? ""
    let profile = previous.range(of: "\n## Profile").map { String(previous[previous.index(after: $0.lowerBound)...]) }
        ?? "## Profile\n\nNot profiled yet.\n"
    try report.markdown(profile: profile).write(toFile: options.out, atomically: true, encoding: .utf8)
    log("wrote \(options.out)")
}

/// Measures the plan of 10,000 consumers behind latency against the same requests sent one after another.
func measureLatency(options: Options, root: String, fracttal: String, environment: [String: String]) async throws -> LatencyResult {
    log("plan of 10,000 consumers + 1,000 groups behind \(LatencyBenchmark.latency) ms of latency, against the same requests one after another")
    let latency = try await LatencyBenchmark.measure(
        consumers: 10_000, directory: root + "/latency", fracttal: fracttal, environment: environment, runs: options.runs
    )
    log(String(format: "  fracttal %.3f s, %ld requests one after another %.3f s: ratio %.2f", latency.fracttal.best, latency.requests, latency.yardstick.best, latency.bestRatio))
    return latency
}

/// Measures `apply` creating each of `options.createsSizes` consumers against the plain client.
func measureCreates(options: Options, root: String, fracttal: String, environment: [String: String]) async throws -> CreatesReport {
    var results: [CreatesResult] = []
    for size in options.createsSizes {
        log("apply of \(size) creates, parallelism \(options.createsParallelism), against a plain keep-alive client")
        let result = try await CreatesBenchmark.measure(
            consumers: size, directory: root + "/creates-\(size)", fracttal: fracttal, environment: environment,
            parallelism: options.createsParallelism, runs: options.runs
        )
        log(String(format: "  apply %.3f s (median %.3f), plain client %.3f s (median %.3f): ratio %.2f", result.apply.best, result.apply.median, result.yardstick.best, result.yardstick.median, result.bestRatio))
        results.append(result)
    }
    return CreatesReport(results: results)
}

/// Writes a progress line to standard error.
func log(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
