/// Configuration load: `fracttal validate FILE` against the yardstick, side by side.
struct LoadResult: Sendable {
    /// Consumers declared.
    var consumers: Int
    /// Groups declared.
    var groups: Int
    /// The file's size in bytes.
    var bytes: Int
    /// `fracttal validate` wall times, seconds.
    var fracttal: Summary
    /// Its largest peak RSS over the runs, MiB.
    var fracttalPeakMiB: Double
    /// The yardstick's wall times, seconds.
    var yardstick: Summary
    /// The yardstick's largest peak RSS, MiB.
    var yardstickPeakMiB: Double

    /// fracttal's best over the yardstick's best.
    var bestRatio: Double { fracttal.best / yardstick.best }
    /// fracttal's median over the yardstick's median.
    var medianRatio: Double { fracttal.median / yardstick.median }
}

enum LoadBenchmark {
    /// Runs validate and the yardstick alternately, `runs` times each.
    static func measure(
        file: String, bytes: Int, consumers: Int, groups: Int, fracttal: String, environment: [String: String], runs: Int
    ) throws -> LoadResult {
        var ours: [Double] = []
        var theirs: [Double] = []
        var ourPeak = 0.0
        var theirPeak = 0.0
        for _ in 0..<runs {
            let yard = try ChildProcess.run(Yardstick.arguments(file), environment: environment)
            guard yard.status == 0 else { throw BenchError("the PyYAML yardstick failed (exit \(yard.status)) on \(file)") }
            theirs.append(yard.seconds)
            theirPeak = max(theirPeak, yard.peakMiB)
            let run = try ChildProcess.run([fracttal, "validate", file], environment: environment)
            guard run.status == 0 else { throw BenchError("fracttal validate failed (exit \(run.status)) on \(file)") }
            ours.append(run.seconds)
            ourPeak = max(ourPeak, run.peakMiB)
        }
        return LoadResult(
            consumers: consumers, groups: groups, bytes: bytes, fracttal: Summary(ours), fracttalPeakMiB: ourPeak,
            yardstick: Summary(theirs), yardstickPeakMiB: theirPeak
        )
    }
}
