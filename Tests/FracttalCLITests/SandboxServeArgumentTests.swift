import Testing

/// `sandbox serve --rate-limit` and `--faults` are read by the sandbox's own parsers while the
/// arguments are parsed: a bad value is a usage error that says what is right, and nothing is served.
struct SandboxServeArgumentTests {
    @Test(arguments: [
        (["--rate-limit", "0/60"], "The value '0/60' is invalid for '--rate-limit <N/SECONDS>'", "write N/SECONDS with both numbers at least 1"),
        (["--rate-limit", "many"], "The value 'many' is invalid for '--rate-limit <N/SECONDS>'", "e.g. 200/60"),
        (["--faults", "explode=1"], "The value 'explode=1' is invalid for '--faults <spec>'", "unknown fault kind 'explode'"),
        (["--faults", "lost=2"], "The value 'lost=2' is invalid for '--faults <spec>'", "give a number from 0 to 1"),
        (
            ["--faults", "gateway_before=0.7,late_commit=0.7"],
            "The value 'gateway_before=0.7,late_commit=0.7' is invalid for '--faults <spec>'", "must be at most 1"
        ),
    ])
    func refusesABadSettingAsAUsageError(_ example: (extra: [String], usage: String, reason: String)) async {
        let (extra, usage, reason) = example
        let result = await InProcessFracttal.run(["sandbox", "serve", "--port", "0"] + extra)

        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("Error: \(usage)"), "\(result)")
        #expect(result.stderr.contains(reason), "\(result)")
        #expect(result.stdout.isEmpty, "nothing served: \(result)")
    }

    @Test func helpShowsTheDefaultRateLimit() async {
        let result = await InProcessFracttal.run(["sandbox", "serve", "--help"])

        #expect(result.flatStdout.contains("(default: 200/60)"), "\(result)")
    }
}
