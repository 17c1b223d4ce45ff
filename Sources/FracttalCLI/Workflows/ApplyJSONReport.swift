import FracttalApply
import FracttalModel
import FracttalPlan
import Foundation

/// The report `apply --format json` prints: each action's outcome, new keys, failures, unsaved secrets,
/// stray consumers and counts. It holds names, keys and codes only, never a secret.
struct ApplyJSONReport: Encodable {
    /// The only report format this version writes.
    static let currentFormatVersion = 1

    /// `applied`, `no_changes`, `failed` (an action failed or a secret was not stored), `interrupted`,
    /// or `refused` (nothing was changed: the plan could not be made, was stale, or a precondition failed).
    enum Status: String, Encodable {
        case applied, noChanges = "no_changes", failed, interrupted, refused
    }

    /// What became of one action.
    struct Action: Encodable {
        var result: ActionResult

        private enum CodingKeys: String, CodingKey {
            case address, kind, name, action, step, outcome, key, adopted, failure
            case secretStored = "secret_stored"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(result.address.description, forKey: .address)
            try container.encode(result.address.kind.rawValue, forKey: .kind)
            try container.encode(result.address.name, forKey: .name)
            try container.encode(result.action.rawValue, forKey: .action)
            try container.encode(result.step, forKey: .step)
            switch result.outcome {
            case .done: try container.encode("done", forKey: .outcome)
            case .failed: try container.encode("failed", forKey: .outcome)
            case .notStarted: try container.encode("not_started", forKey: .outcome)
            }
            try container.encode(result.key, forKey: .key)
            try container.encode(result.secretWritten, forKey: .secretStored)
            try container.encode(result.adopted, forKey: .adopted)
            if case .failed(let reason, let code) = result.outcome {
                try container.encode(Problem(code: code.rawValue, message: reason), forKey: .failure)
            } else {
                try container.encodeNil(forKey: .failure)
            }
        }
    }

    /// A failure's code and sentence.
    struct Problem: Encodable, Equatable {
        var code: String
        var message: String
    }

    /// A consumer by name and key.
    struct Consumer: Encodable {
        var name: String
        var key: String
    }

    /// A consumer the server made twice, and the one that stays.
    struct Stray: Encodable {
        var name: String
        var key: String
        var keptKey: String

        private enum CodingKeys: String, CodingKey {
            case name, key
            case keptKey = "kept_key"
        }
    }

    /// The counts of `ApplyCounts`, in snake case.
    struct Summary: Encodable {
        var added = 0, changed = 0, replaced = 0, destroyed = 0, secretsRotated = 0, failed = 0, notStarted = 0

        private enum CodingKeys: String, CodingKey {
            case added, changed, replaced, destroyed, failed
            case secretsRotated = "secrets_rotated"
            case notStarted = "not_started"
        }
    }

    var formatVersion = Self.currentFormatVersion
    var status: Status
    var target: String?
    var actions: [Action] = []
    var unsavedSecrets: [Consumer] = []
    var strays: [Stray] = []
    var summary = Summary()
    var error: Problem?

    private enum CodingKeys: String, CodingKey {
        case status, target, actions, summary, error
        case formatVersion = "format_version"
        case unsavedSecrets = "unsaved_secrets"
        case strays = "stray_consumers"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(status, forKey: .status)
        try container.encode(target, forKey: .target)
        try container.encode(actions, forKey: .actions)
        try container.encode(unsavedSecrets, forKey: .unsavedSecrets)
        try container.encode(strays, forKey: .strays)
        try container.encode(summary, forKey: .summary)
        try container.encode(error, forKey: .error)
    }

    /// The report of an apply that ran (or had nothing to change); `failure` is the error it ends with, if any.
    init(target: String, report: ApplyReport?, failure: CommandFailure?) {
        self.target = target
        if let report {
            actions = report.results.map(Action.init)
            unsavedSecrets = report.unsavedSecrets.map { Consumer(name: $0.name, key: $0.key) }
            strays = report.strayConsumers.map { Stray(name: $0.name, key: $0.key, keptKey: $0.keptKey) }
            let counts = report.counts
            summary = Summary(
                added: counts.added, changed: counts.changed, replaced: counts.replaced, destroyed: counts.destroyed,
                secretsRotated: counts.secretsRotated, failed: counts.failed, notStarted: counts.notStarted)
            status = report.interrupted ? .interrupted : report.results.isEmpty ? .noChanges : failure == nil ? .applied : .failed
        } else {
            status = failure == nil ? .noChanges : .refused
        }
        error = failure.flatMap(Self.problem)
    }

    /// The report of an apply that stopped before changing anything.
    init(refusal: any Error) {
        status = .refused
        target = nil
        error = Self.problem(refusal as? CommandFailure ?? CommandFailure(refusal, otherwise: .applyFailed))
    }

    private static func problem(_ failure: CommandFailure) -> Problem? {
        guard let code = failure.code else {
            return Problem(code: Diagnostic.Code.applyFailed.rawValue, message: "apply failed; see standard error")
        }
        return Problem(code: code.rawValue, message: failure.message)
    }

    /// Pretty JSON with sorted keys, ending in a newline.
    func rendered() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Plain strings, numbers, bools, arrays and objects: encoding cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
