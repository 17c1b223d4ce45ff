import Foundation
import FracttalModel
import FracttalPlan

/// Why an action failed beyond what the API said, in one sentence that says what to do.
enum ActionFailure: CodedError, CustomStringConvertible {
    /// The plan lacks what the applier needs to run the action.
    case incompletePlan(ResourceAddress, missing: String)
    /// The plan asks for something the API cannot do to this kind of object.
    case unsupported(ResourceAddress, ActionType)
    /// The group a consumer goes to was to be created earlier in this apply, but was not.
    case plannedGroupMissing(ResourceAddress, group: String)
    /// A replacement deleted the old consumer but could not create the new one.
    case replacementNotCreated(oldKey: String, reason: String)
    /// A create's answer was lost, the consumer was found, but rotating its secret failed.
    case adoptedWithoutSecret(key: String, reason: String)
    /// A secret was issued while no secrets file was given (the preconditions forbid it).
    case noSecretsFile(name: String, key: String)

    /// The code printed after the sentence.
    var code: Diagnostic.Code {
        switch self {
        case .incompletePlan: "FRC303"
        case .unsupported: "FRC304"
        case .plannedGroupMissing: "FRC305"
        case .replacementNotCreated: "FRC306"
        case .adoptedWithoutSecret: "FRC307"
        case .noSecretsFile: "FRC308"
        }
    }

    var description: String {
        switch self {
        case .incompletePlan(let address, let missing):
            "the plan gives no \(missing) for \(address); make the plan again"
        case .unsupported(let address, let action):
            "\(address) cannot be given the action \(action.rawValue); make the plan again"
        case .plannedGroupMissing(let address, let group):
            "the group \(DisplayText.quoted(group)) that \(address) goes to was not created earlier in this apply; run apply again"
        case .replacementNotCreated(let oldKey, let reason):
            "the old consumer (key \(oldKey)) was deleted, but creating its replacement failed: \(reason); run apply again to create it"
        case .adoptedWithoutSecret(let key, let reason):
            "the consumer was created (key \(key)) but the answer was lost, and rotating its secret to deliver one failed: \(reason); run apply again from this folder to rotate it"
        case .noSecretsFile(let name, let key):
            "a new secret was issued for consumer \(DisplayText.quoted(name)) (key \(key)) but no --secrets-out file was given, so it is lost; rotate that consumer's secret with --secrets-out FILE"
        }
    }

    /// One sentence about any error, for a report; never a secret, as no error here holds one.
    static func describe(_ error: any Error, interrupted: Bool = false) -> String {
        if error is CancellationError || (interrupted && Task.isCancelled) {
            return "the apply was interrupted before this call finished; if it was a create or a rotation, the next apply from this folder delivers its secret"
        }
        if let error = error as? any LocalizedError, let text = error.errorDescription { return text }
        return String(describing: error)
    }

    /// The code of any error, for a report: its own when it has one, else that of an interrupted call or of a
    /// failed call to the API.
    static func code(of error: any Error, interrupted: Bool = false) -> Diagnostic.Code {
        if error is CancellationError || (interrupted && Task.isCancelled) { return "FRC302" }
        if let error = error as? any CodedError { return error.code }
        return "FRC301"
    }

    /// `describe(error)` without a final full stop, to go inside a longer sentence.
    static func clause(_ error: any Error) -> String {
        var text = describe(error)
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
