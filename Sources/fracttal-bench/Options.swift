/// The benchmark's command-line choices.
struct Options: Sendable {
    /// The release `fracttal` binary to measure.
    var fracttal = ".build/release/fracttal"
    /// Where the report is written.
    var out = "BENCHMARKS.md"
    /// Runs per measurement (the best and the median are reported).
    var runs = 5
    /// Consumer counts of the plan workloads (each with 1,000 groups).
    var sizes = [5_000, 10_000, 50_000]
    /// Concurrent calls of the apply measurements.
    var parallelism = 4
    /// Consumer counts of the creates measurement (`apply` creating them against the plain-client yardstick).
    var createsSizes = [2_000, 10_000]
    /// Concurrent calls of the creates measurement's apply: 8, since each create waits for its journal
    /// intent's fsync before its request is sent (8 at once group more intents into one fsync) and the
    /// sandbox writes one consumer at a time (it then always has one waiting).
    var createsParallelism = 8
    /// When true, only the creates measurement runs: its table and targets are printed, BENCHMARKS.md is left as is.
    var onlyCreates = false
    /// The command line written into the report.
    var command = "scripts/benchmark.sh"
    /// When set, no measurement: seed the plan workload of this many consumers, serve it, write the
    /// environment for `fracttal` to `<serve directory>/env`, and wait (for profiling).
    var serve: Int?
    /// Where `--serve` writes the workload and its `env` file.
    var serveDirectory = "fracttal-bench-serve"

    /// Parses `--fracttal PATH --out PATH --runs N --sizes A,B,C --parallelism N --creates-sizes A,B
    /// --creates-parallelism N --only creates --command TEXT --serve N --serve-directory PATH`.
    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw BenchError("\(flag) needs a value") }
            switch flag {
            case "--fracttal": options.fracttal = value
            case "--out": options.out = value
            case "--command": options.command = value
            case "--runs":
                guard let runs = Int(value), runs >= 1 else { throw BenchError("--runs needs a number of at least 1") }
                options.runs = runs
            case "--parallelism", "--creates-parallelism":
                guard let count = Int(value), (1...64).contains(count) else {
                    throw BenchError("\(flag) needs a number from 1 to 64")
                }
                if flag == "--parallelism" { options.parallelism = count } else { options.createsParallelism = count }
            case "--sizes":
                let sizes = value.split(separator: ",").compactMap { Int($0) }
                guard !sizes.isEmpty, sizes.allSatisfy({ $0 >= 100 }) else {
                    throw BenchError("--sizes needs comma-separated consumer counts of at least 100, e.g. 5000,10000,50000")
                }
                options.sizes = sizes
            case "--creates-sizes":
                let sizes = value.split(separator: ",").compactMap { Int($0) }
                guard !sizes.isEmpty, sizes.allSatisfy({ $0 >= 1 }) else {
                    throw BenchError("--creates-sizes needs comma-separated consumer counts, e.g. 2000,10000")
                }
                options.createsSizes = sizes
            case "--only":
                guard value == "creates" else { throw BenchError("--only takes `creates` (the other measurements run only together)") }
                options.onlyCreates = true
            case "--serve":
                guard let size = Int(value), size >= 100 else { throw BenchError("--serve needs a consumer count of at least 100") }
                options.serve = size
            case "--serve-directory": options.serveDirectory = value
            default:
                throw BenchError(
                    "unknown option \(flag): use --fracttal, --out, --runs, --sizes, --parallelism, --creates-sizes, --creates-parallelism, --only, --command, --serve or --serve-directory"
                )
            }
        }
        return options
    }
}
