import FracttalApply
import FracttalPlan
import Foundation

/// Prints what an apply did: failures and interruptions, unsaved secrets, consumers a late commit made,
/// and the summary line.
struct ApplyReportPrinter {
    /// The secret store as the user named it, for messages.
    var storeName: String?
    /// The API base URL, for the command that removes a stray consumer.
    var baseURL: String
    /// `apply --format json`: the summary line goes to standard error, as standard output holds the JSON report.
    var summaryOnStandardError = false

    func print(_ report: ApplyReport) {
        for result in report.results where result.outcome.isFailure {
            CommandContext.current.err("error: \(result.address): \(result.outcome)")
        }
        if report.interrupted {
            let done = report.results.filter { $0.outcome == .done }
            let notStarted = report.results.filter { $0.outcome == .notStarted }
            CommandContext.current.err("Interrupted: \(done.count) action(s) done, \(notStarted.count) not started.")
            for result in done { CommandContext.current.err("  done: \(result.address) \(result.action.rawValue)") }
            for result in notStarted { CommandContext.current.err("  not started: \(result.address) \(result.action.rawValue)") }
        }
        for unsaved in report.unsavedSecrets {
            CommandContext.current.err(
                "error: the new secret of consumer \"\(unsaved.name)\" (key \(unsaved.key)) could not be stored in \(storeName ?? "the secret store") and is kept nowhere; fix the store, then run apply again with it: the plan rotates that secret. [\(UnsavedSecret.code)]"
            )
        }
        for stray in report.strayConsumers {
            CommandContext.current.err(
                "error: the server also made consumer \"\(stray.name)\" (key \(stray.key)) beside the one this apply created and delivered (key \(stray.keptKey)), from a request whose answer was lost; nobody has its secret. Remove it in Fracttal (Settings > API Connections > OAuth Consumers), or with: curl -X DELETE -H \"Authorization: Bearer $TOKEN\" \(baseURL)/oauth_consumers/\(stray.key) [\(StrayConsumer.code)]"
            )
        }
        if summaryOnStandardError {
            CommandContext.current.err(report.summaryLine)
        } else {
            CommandContext.current.out(report.summaryLine + "\n")
        }
    }
}
