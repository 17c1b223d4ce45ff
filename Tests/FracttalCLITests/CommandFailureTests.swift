@testable import FracttalCLI
import FracttalApply
import FracttalModel
import Testing

/// A command's own failure is one line that ends with its code; a wrapped error keeps the code it has.
struct CommandFailureTests {
    @Test func aFailurePrintsItsSentenceThenItsCode() {
        let failure = CommandFailure(.stalePlan, "stale plan: re-run plan.")
        #expect(failure.description == "error: stale plan: re-run plan. [FRC412]")
    }

    @Test func aFailureAlreadyExplainedPrintsNothing() {
        #expect(CommandFailure().description.isEmpty)
    }

    @Test func aWrappedErrorKeepsItsOwnCode() {
        let unusable = SecretStoreError.unusable(store: "secrets.env", reason: "it holds JSON")
        #expect(CommandFailure(unusable, otherwise: .applyFailed).code == "FRC312")
    }

    @Test func aWrappedErrorWithoutACodeTakesTheFallback() {
        struct Plain: Error {}
        #expect(CommandFailure(Plain(), otherwise: .applyFailed).code == "FRC420")
    }
}
