import ArgumentParser

/// The benchmark's command-line choices; the defaults are what `scripts/benchmark.sh` measures.
struct Options: ParsableArguments {
    /// Which measurements `--only` keeps.
    enum Only: String, CaseIterable, ExpressibleByArgument {
        /// Only the creates measurement.
        case creates
        /// Only the configuration loads, the plans and the plan behind latency.
        case plans
        /// Only the plan behind latency.
        case latency
    }

    @Option(help: ArgumentHelp("The release fracttal binary to measure.", valueName: "path"))
    var fracttal = ".build/release/fracttal"

    @Option(help: ArgumentHelp("Where the report is written.", valueName: "path"))
    var out = "BENCHMARKS.md"

    @Option(help: "Runs per measurement (the best and the median are reported).")
    var runs = 5

    @Option(
        help: ArgumentHelp("Consumer counts of the plan workloads (each with 1,000 groups), at least 100 each (default: \(Options.listed(Options.defaultSizes))).", valueName: "A,B,C"),
        transform: { try Options.counts($0, option: "--sizes", example: "5000,10000,50000") }
    )
    var sizes = Options.defaultSizes

    @Option(help: "Concurrent calls of the apply measurements, from 1 to 64.")
    var parallelism = 4

    @Option(
        help: ArgumentHelp("Consumer counts of the creates measurement (apply creating them against the plain-client yardstick) (default: \(Options.listed(Options.defaultCreatesSizes))).", valueName: "A,B"),
        transform: { try Options.counts($0, option: "--creates-sizes", example: "2000,10000") }
    )
    var createsSizes = Options.defaultCreatesSizes

    /// 8, since each create waits for its journal intent's fsync before its request is sent (8 at once
    /// group more intents into one fsync) and the sandbox writes one consumer at a time (it then
    /// always has one waiting).
    @Option(help: "Concurrent calls of the creates measurement's apply, from 1 to 64.")
    var createsParallelism = 8

    @Option(help: "Run only these measurements (\(Only.allCases.map(\.rawValue).joined(separator: ", "))), print their tables and targets, and leave the report as it is.")
    var only: Only?

    @Option(help: ArgumentHelp("The command line written into the report.", valueName: "text"))
    var command = "scripts/benchmark.sh"

    @Option(
        help: ArgumentHelp(
            "No measurement: seed the plan workload of this many consumers (at least 100), serve it, write the environment for fracttal to <serve-directory>/env, and wait (for profiling).",
            valueName: "consumers"
        )
    )
    var serve: Int?

    @Option(help: ArgumentHelp("Where --serve writes the workload and its env file.", valueName: "path"))
    var serveDirectory = "fracttal-bench-serve"

    /// The consumer counts of the plan workloads that the report is made of.
    static let defaultSizes = [5_000, 10_000, 50_000]
    /// The consumer counts of the creates measurement that the report is made of.
    static let defaultCreatesSizes = [2_000, 10_000]

    /// Counts as `--sizes` takes them.
    private static func listed(_ counts: [Int]) -> String {
        counts.map(String.init).joined(separator: ",")
    }

    /// When true, only the creates measurement runs.
    var onlyCreates: Bool { only == .creates }

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs needs a number of at least 1.") }
        for (flag, count) in [("--parallelism", parallelism), ("--creates-parallelism", createsParallelism)] {
            guard (1...64).contains(count) else { throw ValidationError("\(flag) needs a number from 1 to 64.") }
        }
        guard sizes.allSatisfy({ $0 >= 100 }) else {
            throw ValidationError("--sizes needs consumer counts of at least 100, e.g. 5000,10000,50000.")
        }
        if let serve, serve < 100 {
            throw ValidationError("--serve needs a consumer count of at least 100.")
        }
    }

    /// Comma-separated consumer counts of at least 1.
    private static func counts(_ text: String, option: String, example: String) throws -> [Int] {
        let counts = text.split(separator: ",").compactMap { Int($0) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("\(option) needs comma-separated consumer counts, e.g. \(example).")
        }
        return counts
    }
}
