import Foundation

/// The creates measurement as Markdown: its table, its targets and how it is measured.
struct CreatesReport: Sendable {
    /// One result per consumer count, in the order measured.
    var results: [CreatesResult]

    /// The table, the growth line and the apply's summary.
    var table: String {
        guard let first = results.first else { return "" }
        var text = "### Apply of creates (`fracttal apply DIR --auto-approve --secrets-out FILE --parallelism \(first.parallelism)`, unthrottled sandbox)\n\n"
        text += "| consumers created | apply best / median | apply peak RSS | `/api` requests | plain client best / median | ratio best (median) | through a helper best / median | helper / file store best (median) | all runs, apply / helper / plain client |\n"
        text += "|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"
        for result in results {
            let runs = { (values: [Double]) in values.map { String(format: "%.3f", $0) }.joined(separator: ", ") }
            text += "| \(Report.count(result.consumers)) "
            text += "| \(Report.seconds(result.apply.best)) / \(Report.seconds(result.apply.median)) "
            text += "| \(Report.mib(result.peakMiB)) | \(result.apiRequests) "
            text += "| \(Report.seconds(result.yardstick.best)) / \(Report.seconds(result.yardstick.median)) "
            text += "| \(Report.ratio(result.bestRatio)) (\(Report.ratio(result.medianRatio))) "
            text += "| \(Report.seconds(result.helper.best)) / \(Report.seconds(result.helper.median)) "
            text += "| \(Report.ratio(result.helperBestRatio)) (\(Report.ratio(result.helperMedianRatio))) "
            text += "| \(runs(result.applyRuns)) s / \(runs(result.helperRuns)) s / \(runs(result.yardstickRuns)) s |\n"
        }
        if let growth {
            text += "\nGrowth: creates of \(Report.count(growth.large.consumers)) over \(Report.count(growth.small.consumers)): "
            text += "\(Report.ratio(growth.best)) (best), \(Report.ratio(growth.median)) (median) for "
            text += "\(Report.count(growth.large.consumers / growth.small.consumers)) times the consumers "
            text += "(the plain client: \(Report.ratio(growth.large.yardstick.best / growth.small.yardstick.best)) best).\n"
        }
        if let last = results.last, !last.summary.isEmpty { text += "\n\(last.summary)\n" }
        return text
    }

    /// 10,000 creates against 2,000.
    var growth: (small: CreatesResult, large: CreatesResult, best: Double, median: Double)? {
        guard let small = results.first(where: { $0.consumers == 2_000 }),
            let large = results.first(where: { $0.consumers == 10_000 })
        else { return nil }
        return (small, large, large.apply.best / small.apply.best, large.apply.median / small.apply.median)
    }

    /// The creates benchmark's targets: each target, what was measured, and whether it is met.
    var targetRows: [(target: String, measured: String, met: Bool)] {
        var rows: [(String, String, Bool)] = []
        if let small = results.first(where: { $0.consumers == 2_000 }) {
            rows.append((
                "apply creating 2,000 consumers with the file store: at most 1.2 × the plain keep-alive client",
                "\(Report.ratio(small.bestRatio)) × (median \(Report.ratio(small.medianRatio)) ×)", small.bestRatio <= 1.2
            ))
            rows.append((
                "the same 2,000 through a store helper that answers at once: at most 1.25 × the file store",
                "\(Report.ratio(small.helperBestRatio)) × (median \(Report.ratio(small.helperMedianRatio)) ×)",
                small.helperBestRatio <= 1.25
            ))
        }
        if let growth {
            rows.append((
                "10,000 creates cost at most 5.5 × 2,000", "\(Report.ratio(growth.best)) × (median \(Report.ratio(growth.median)) ×)",
                growth.best <= 5.5
            ))
        }
        return rows
    }

    /// The targets as a table of their own (for `--only creates`).
    var targets: String {
        var text = "| target | measured | |\n|---|---|---|\n"
        for row in targetRows { text += "| \(row.target) | \(row.measured) | \(Report.met(row.met)) |\n" }
        return text
    }

    /// How the creates are measured, one paragraph.
    static let explanation = """
        The creates workload: each run seeds a new sandbox store with one permission group (besides the \
        sandbox's own \(PlanBenchmark.seededConsumers) consumers and \(PlanBenchmark.seededGroups) groups) and \
        serves it with a limit of 1,000,000 requests per 60 s and no fault; the configuration declares that \
        group unchanged and N new client-credentials consumers in it. The apply runs in a new working folder \
        with a new secrets file; its time includes the lock, the plan's reads, the pending marks, the secrets \
        file (checked afterwards to hold N entries, each with key and secret) and the read of the consumers \
        after the creates that looks for strays. The same apply then runs once more against its own freshly \
        seeded sandbox with `--secrets-out exec:…`, a store helper (a short Python program) that keeps \
        entries in memory and answers each request at once, so the difference is what the helper protocol \
        costs; the helper reports at `bye` how many complete entries it received, checked to be N. The yardstick, taken alternately with the apply against its own \
        freshly seeded sandbox: a plain keep-alive HTTP client (python3's `http.client`, one connection) \
        that takes a token with the bootstrap credentials, looks the group up (one GET), and sends the same \
        N `POST /api/oauth_consumers/` bodies one after another, parsing each answer; process start included.
        """
}
