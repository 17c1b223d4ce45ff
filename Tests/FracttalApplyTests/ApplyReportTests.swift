import FracttalApply
import FracttalModel
import FracttalPlan
import Testing

struct ApplyReportTests {
    static func result(_ action: ActionType, _ outcome: ActionOutcome = .done, name: String = "x") -> ActionResult {
        ActionResult(address: ResourceAddress(.consumer, name), action: action, step: 1, outcome: outcome)
    }

    @Test func completeLineCountsDoneActions() {
        let report = ApplyReport(results: [
            Self.result(.create), Self.result(.create), Self.result(.update), Self.result(.replace), Self.result(.rotateSecret),
        ])
        #expect(report.succeeded)
        #expect(report.summaryLine == "Apply complete: 2 added, 1 changed, 1 replaced, 0 destroyed, 1 secret rotated.")
    }

    @Test func secretsArePluralExceptOne() {
        #expect(ApplyReport(results: []).summaryLine == "Apply complete: 0 added, 0 changed, 0 replaced, 0 destroyed, 0 secrets rotated.")
        let two = ApplyReport(results: [Self.result(.rotateSecret), Self.result(.rotateSecret), Self.result(.delete)])
        #expect(two.summaryLine == "Apply complete: 0 added, 0 changed, 0 replaced, 1 destroyed, 2 secrets rotated.")
    }

    @Test func failedLineCountsFailedAndNotStarted() {
        let report = ApplyReport(results: [
            Self.result(.create), Self.result(.create, .failed(reason: "boom", code: "FRC301")),
            Self.result(.update, .notStarted), Self.result(.delete, .notStarted), Self.result(.rotateSecret, .notStarted),
        ])
        #expect(!report.succeeded)
        #expect(report.summaryLine == "Apply failed: 1 added, 0 changed, 0 replaced, 0 destroyed, 0 secrets rotated; 1 failed, 3 not started.")
        #expect(report.counts == ApplyCounts(added: 1, failed: 1, notStarted: 3))
    }

    @Test func anInterruptedApplyWithNothingFailedStillFails() {
        let report = ApplyReport(results: [Self.result(.create), Self.result(.create, .notStarted)])
        #expect(report.summaryLine == "Apply failed: 1 added, 0 changed, 0 replaced, 0 destroyed, 0 secrets rotated; 0 failed, 1 not started.")
    }

    @Test func outcomesDescribeThemselves() {
        #expect(ActionOutcome.done.description == "done")
        #expect(ActionOutcome.notStarted.description == "not started")
        #expect(ActionOutcome.failed(reason: "no such group", code: "FRC305").description == "failed: no such group [FRC305]")
    }
}
