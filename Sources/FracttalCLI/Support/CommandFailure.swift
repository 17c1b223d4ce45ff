import FracttalModel

/// A failure the command has already explained to the user; it only ends the process with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    /// The one-sentence explanation printed on standard error, or empty when already printed.
    var message: String
    /// The code printed after the explanation; nil only when the explanation is already printed.
    var code: Diagnostic.Code?

    /// The explanation is already printed (as diagnostics) and only the exit code is left.
    init() {
        self.message = ""
        self.code = nil
    }

    /// A failure explained by one sentence, with the code that names its kind.
    init(_ code: Diagnostic.Code, _ message: String) {
        self.message = message
        self.code = code
    }

    /// A failure explained by another error's sentence, with that error's code when it has one.
    init(_ error: any Error, otherwise code: Diagnostic.Code) {
        self.message = "\(error)"
        self.code = (error as? any CodedError)?.code ?? code
    }

    var description: String {
        guard !message.isEmpty else { return "" }
        return "error: \(message)" + (code.map { " [\($0)]" } ?? "")
    }
}

/// The command line's and the target's own codes, each used where its failure is thrown.
extension Diagnostic.Code {
    /// CI is set but no target is given.
    static let noTargetInCI: Self = "FRC401"
    /// A remote target without FRACTTAL_CLIENT_ID and FRACTTAL_CLIENT_SECRET.
    static let credentialsMissing: Self = "FRC402"
    /// The API client cannot be made for the target's URLs.
    static let targetUnusable: Self = "FRC403"
    /// The live state could not be read.
    static let liveStateUnreadable: Self = "FRC404"
    /// The configuration has errors, printed above.
    static let configurationHasErrors: Self = "FRC405"
    /// The planner reported errors, printed above.
    static let planHasErrors: Self = "FRC406"
    /// Apply was interrupted by a signal.
    static let applyInterrupted: Self = "FRC407"
    /// An action failed and apply stopped.
    static let applyStopped: Self = "FRC408"
    /// Apply finished, but the server made consumers nobody asked for.
    static let strayConsumersMade: Self = "FRC409"
    /// A saved plan was made for another target.
    static let planForOtherTarget: Self = "FRC410"
    /// A saved plan would lock out the consumer that applies it.
    static let planLocksOutApplier: Self = "FRC411"
    /// A saved plan no longer fits the live state.
    static let stalePlan: Self = "FRC412"
    /// Apply needs a yes, but there is no terminal to ask.
    static let confirmationImpossible: Self = "FRC413"
    /// The user did not answer yes.
    static let applyCancelled: Self = "FRC414"
    /// `--out` could not be written.
    static let planUnwritable: Self = "FRC415"
    /// A plan file could not be read.
    static let planFileUnreadable: Self = "FRC416"
    /// A plan file is not a plan this version can apply.
    static let planFileUnusable: Self = "FRC417"
    /// `export` could not write its files.
    static let exportUnwritable: Self = "FRC418"
    /// The embedded JSON Schema could not be printed.
    static let schemaUnavailable: Self = "FRC419"
    /// Apply could not start or finish for a reason without a code of its own.
    static let applyFailed: Self = "FRC420"
    /// The embedded sandbox could not start.
    static let sandboxUnavailable: Self = "FRC421"
    /// The tool's own secret was about to be printed or saved and was replaced by `***` (a warning).
    static let secretRedacted: Self = "FRC422"
    /// Standard output could not be written for another reason than a reader that went away.
    static let outputUnwritable: Self = "FRC423"
    /// The secret store could not be opened, read or locked, for a reason without a code of its own.
    static let storeUnusable: Self = "FRC424"
    /// `unlock` was given no secret store.
    static let storeRequired: Self = "FRC425"
    /// Every action was done, but the closing check could not read the consumers.
    static let closingCheckFailed: Self = "FRC426"
    /// A saved plan breaks a rule checked again at apply: one action per address, protect, prune, mass delete.
    static let savedPlanBreaksRules: Self = "FRC427"
}
