import FracttalSandbox
import Foundation

/// Everything one benchmark run measured, rendered as the Markdown of BENCHMARKS.md.
struct Report: Sendable {
    var machine: Machine
    var date: Date
    var options: Options
    var loads: [LoadResult]
    var plans: [PlanResult]
    var latency: LatencyResult?
    /// Nil when only the plans were measured (`--only plans`).
    var apply: ApplyResult?
    var creates: CreatesReport?

    /// Seconds with three decimals: "0.507 s".
    static func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }
    /// A ratio with two decimals.
    static func ratio(_ value: Double) -> String { String(format: "%.2f", value) }
    /// MiB with one decimal.
    static func mib(_ value: Double) -> String { String(format: "%.1f MiB", value) }
    /// A count with a thousands comma: "10,000".
    static func count(_ value: Int) -> String {
        value >= 1000 ? "\(value / 1000),\(String(format: "%03ld", value % 1000))" : "\(value)"
    }
    /// "met", or "**not met**".
    static func met(_ yes: Bool) -> String { yes ? "met" : "**not met**" }

    /// The tables: load, plan, growth, apply, creates.
    var tables: String {
        var text = "### Configuration load (`fracttal validate FILE`)\n\n"
        text += "| configuration | file | fracttal best / median | fracttal peak RSS | PyYAML CSafeLoader best / median | PyYAML peak RSS | ratio best (median) |\n"
        text += "|---|---:|---:|---:|---:|---:|---:|\n"
        for load in loads {
            text += "| \(Self.count(load.consumers)) consumers + \(Self.count(load.groups)) groups "
            text += "| \(String(format: "%.2f MB", Double(load.bytes) / 1e6)) "
            text += "| \(Self.seconds(load.fracttal.best)) / \(Self.seconds(load.fracttal.median)) "
            text += "| \(Self.mib(load.fracttalPeakMiB)) "
            text += "| \(Self.seconds(load.yardstick.best)) / \(Self.seconds(load.yardstick.median)) "
            text += "| \(Self.mib(load.yardstickPeakMiB)) "
            text += "| \(Self.ratio(load.bestRatio)) (\(Self.ratio(load.medianRatio))) |\n"
        }
        text += "\n### Plan end to end (`fracttal plan DIR --allow-mass-delete`, against the sandbox)\n\n"
        text += "| live consumers + groups | plan | fracttal best / median | peak RSS | requests sent / minimum | PyYAML best / median (same file) | ratio best (median) |\n"
        text += "|---|---|---:|---:|---:|---:|---:|\n"
        for plan in plans {
            text += "| \(Self.count(plan.liveConsumers)) + \(Self.count(plan.liveGroups)) "
            text += "| \(plan.summary.replacingOccurrences(of: "Plan: ", with: "")) "
            text += "| \(Self.seconds(plan.fracttal.best)) / \(Self.seconds(plan.fracttal.median)) "
            text += "| \(Self.mib(plan.peakMiB)) "
            text += "| \(plan.requests) / \(plan.minimumRequests) "
            text += "| \(Self.seconds(plan.yardstick.best)) / \(Self.seconds(plan.yardstick.median)) "
            text += "| \(Self.ratio(plan.bestRatio)) (\(Self.ratio(plan.medianRatio))) |\n"
        }
        if let latency {
            text += "\n" + Self.latencyTable(latency)
        }
        if let growth {
            text += "\nGrowth: plan of \(Self.count(growth.large.declaredConsumers)) consumers over \(Self.count(growth.small.declaredConsumers)): "
            text += "\(Self.ratio(growth.best)) (best), \(Self.ratio(growth.median)) (median) for 5 times the consumers.\n"
        }
        guard let apply, let creates else { return text }
        text += "\n### Apply (`fracttal apply DIR --auto-approve --secrets-out FILE --parallelism \(apply.parallelism)`)\n\n"
        text += "| changes | sandbox | parallelism | change phase | change requests / s | ÷ limit (\(Self.count(apply.limit.count))/\(apply.limit.windowSeconds) s) | 406 answers | whole apply | peak RSS |\n"
        text += "|---:|---|---:|---:|---:|---:|---:|---:|---:|\n"
        text += "| \(Self.count(apply.changes)) | `--rate-limit \(apply.limit)`, `latency=\(apply.latencyMilliseconds)-\(apply.latencyMilliseconds)ms` "
        text += "| \(apply.parallelism) | \(Self.seconds(apply.changeSeconds)) | \(String(format: "%.1f", apply.requestsPerSecond)) "
        text += "| \(Self.ratio(apply.ratio)) | \(apply.rateLimitedAnswers) | \(Self.seconds(apply.wallSeconds)) | \(Self.mib(apply.peakMiB)) |\n"
        text += "\n\(apply.summary) (\(apply.apiRequests) `/api` requests counted by the sandbox, \(apply.readRequests) of them the reads of the plan.)\n"
        text += "\n" + creates.table
        return text
    }

    /// The table of the plan behind latency.
    static func latencyTable(_ latency: LatencyResult) -> String {
        var text = "### Plan behind latency (`fracttal plan DIR --allow-mass-delete`, sandbox `--rate-limit \(latency.limit)`, `latency=\(latency.latencyMilliseconds)-\(latency.latencyMilliseconds)ms`)\n\n"
        text += "| consumers + groups declared | fracttal best / median | the same \(latency.requests) requests one after another, best / median | ratio best (median) |\n"
        text += "|---|---:|---:|---:|\n"
        text += "| \(count(latency.declaredConsumers)) + 1,000 "
        text += "| \(seconds(latency.fracttal.best)) / \(seconds(latency.fracttal.median)) "
        text += "| \(seconds(latency.yardstick.best)) / \(seconds(latency.yardstick.median)) "
        text += "| \(ratio(latency.bestRatio)) (\(ratio(latency.medianRatio))) |\n"
        return text
    }

    /// The target row of the plan behind latency.
    static func latencyTarget(_ latency: LatencyResult) -> (String, String, Bool) {
        (
            "plan of 10k + 1k behind \(latency.latencyMilliseconds) ms: at most 0.12 × the same requests one after another",
            "\(ratio(latency.bestRatio)) × (median \(ratio(latency.medianRatio)) ×)", latency.bestRatio <= 0.12
        )
    }

    private var growth: (small: PlanResult, large: PlanResult, best: Double, median: Double)? {
        guard let small = plans.first(where: { $0.declaredConsumers == 10_000 }),
            let large = plans.first(where: { $0.declaredConsumers == 50_000 })
        else { return nil }
        return (small, large, large.fracttal.best / small.fracttal.best, large.fracttal.median / small.fracttal.median)
    }

    /// The targets (loading, planning, requests, paced apply, and the creates) with what was measured.
    var targets: String {
        var rows: [(String, String, Bool)] = []
        if let load = loads.first(where: { $0.consumers == 10_000 }) {
            rows.append((
                "configuration load (validate) of 10k + 1k: at most 0.25 × PyYAML CSafeLoader", "\(Self.ratio(load.bestRatio)) × (median \(Self.ratio(load.medianRatio)) ×)",
                load.bestRatio <= 0.25
            ))
        }
        if let plan = plans.first(where: { $0.declaredConsumers == 10_000 }) {
            rows.append((
                "plan of 10k + 1k end to end: at most 0.5 × PyYAML CSafeLoader", "\(Self.ratio(plan.bestRatio)) × (median \(Self.ratio(plan.medianRatio)) ×)",
                plan.bestRatio <= 0.5
            ))
            rows.append(("plan of 10k + 1k: at most 60 MiB peak RSS", Self.mib(plan.peakMiB), plan.peakMiB <= 60))
        }
        let exact = plans.allSatisfy { $0.requests == $0.minimumRequests }
        rows.append((
            "requests: exactly the minimum 1 + 1 + ⌈N/100⌉ + ⌈M/100⌉",
            plans.map { "\($0.requests)/\($0.minimumRequests)" }.joined(separator: ", "), exact
        ))
        if let apply {
            rows.append((
                "apply: at least 0.9 of the rate limit, zero 406",
                "\(Self.ratio(apply.ratio)) of the limit, \(apply.rateLimitedAnswers) × 406", apply.ratio >= 0.9 && apply.rateLimitedAnswers == 0
            ))
        }
        if let growth {
            rows.append(("50k costs at most 5.0 × 10k", "\(Self.ratio(growth.best)) × (median \(Self.ratio(growth.median)) ×)", growth.best <= 5.0))
        }
        if let latency {
            rows.append(Self.latencyTarget(latency))
        }
        rows += (creates?.targetRows ?? []).map { ($0.target, $0.measured, $0.met) }
        var text = "| target | measured | |\n|---|---|---|\n"
        for (target, measured, ok) in rows { text += "| \(target) | \(measured) | \(Self.met(ok)) |\n" }
        return text
    }

    /// The whole BENCHMARKS.md, keeping `profile` (the hand-written analysis) at the end.
    func markdown(profile: String) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return """
            # Benchmarks

            Measured by `\(options.command)` (the `fracttal-bench` target, release build), which generates its \
            workloads in a temporary folder, seeds and serves the sandbox in-process, and runs the release \
            `fracttal` binary as a child process. Times are wall times on a monotonic clock, process start \
            included; peak RSS is `ru_maxrss` from `wait4`. Each time is the best and the median of \
            \(options.runs) runs, taken alternately with the yardstick (PyYAML's libyaml loader, \
            `python3 -c "import yaml,sys; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)" FILE`, \
            on the same file, in the same run). Ratios are fracttal over the yardstick; the targets are judged on the best.

            - date: \(formatter.string(from: date))
            - machine: \(machine.processors) processors, \(machine.cpuModel), \(String(format: "%.1f", machine.memoryGiB)) GiB memory, \(machine.system)
            - command: `\(options.command)`

            ## Results

            \(tables)
            The plan workloads: the live company has N consumers and 1,000 groups (plus the sandbox's own \
            \(PlanBenchmark.seededConsumers) consumers and \(PlanBenchmark.seededGroups) groups); the configuration declares the \
            1,000 groups and N consumers: 95% of the live ones (10% of N with a changed description) and 5% new; \
            prune is on, so the 5% left out are deleted. Requests sent are the sandbox's count of `/api` calls \
            plus the token requests in the client's debug log (`FRACTTAL_LOG_LEVEL=debug`, one extra run). \
            The apply's 406 answers are counted from the client's debug log; its rate is measured over the \
            change phase from the sandbox's request counter, sampled every half millisecond.

            \(LatencyBenchmark.explanation)

            \(CreatesReport.explanation)

            ## Targets

            \(targets)
            \(profile)
            """
    }
}
