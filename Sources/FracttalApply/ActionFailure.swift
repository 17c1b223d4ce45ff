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
    /// A replacement made and delivered the new consumer but could not delete the old one.
    case replacedNotDeleted(oldKey: String, newKey: String, reason: String)
    /// A create's answer was lost, the consumer was found, but rotating its secret failed.
    case adoptedWithoutSecret(key: String, reason: String)
    /// A secret was issued while no secrets file was given (the preconditions forbid it).
    case noSecretsFile(name: String, key: String)
    /// The store did not take a secret; it is kept in memory only, and the mark left in the store repairs it.
    case secretNotStored(name: String, key: String, store: String, reason: String)
    /// The store did not take a pending mark, so the call was not sent.
    case markNotStored(name: String, store: String, reason: String)
    /// The server renamed a consumer, but the store did not rename its entry.
    case entryNotRenamed(from: String, to: String, key: String, store: String, reason: String)
    /// The server deleted a consumer, but the store did not forget its entry.
    case entryNotForgotten(name: String, key: String, store: String, reason: String)

    /// The code printed after the sentence.
    var code: Diagnostic.Code {
        switch self {
        case .incompletePlan: "FRC303"
        case .unsupported: "FRC304"
        case .plannedGroupMissing: "FRC305"
        case .replacedNotDeleted: "FRC306"
        case .adoptedWithoutSecret: "FRC307"
        case .noSecretsFile: "FRC308"
        case .secretNotStored: "FRC314"
        case .markNotStored: "FRC322"
        case .entryNotRenamed, .entryNotForgotten: "FRC324"
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
        case .replacedNotDeleted(let oldKey, let newKey, let reason):
            "the replacement (key \(newKey)) was created and its secret stored, but deleting the old consumer (key \(oldKey)) failed: \(reason); delete key \(oldKey) in Fracttal, then plan again"
        case .adoptedWithoutSecret(let key, let reason):
            "the consumer was created (key \(key)) but the answer was lost, and rotating its secret to deliver one failed: \(reason); run apply again with the same secret store to rotate it"
        case .noSecretsFile(let name, let key):
            "a new secret was issued for consumer \(DisplayText.quoted(name)) (key \(key)) but no secret store was given, so it is lost; rotate that consumer's secret with --secrets-out"
        case .secretNotStored(let name, let key, let store, let reason):
            "the new secret of consumer \(DisplayText.quoted(name)) (key \(key)) could not be stored in \(store) (\(reason)) and is shown nowhere; fix the store, then run apply again with it: its pending mark makes the plan rotate that secret"
        case .markNotStored(let name, let store, let reason):
            "the pending mark of consumer \(DisplayText.quoted(name)) could not be stored in \(store) (\(reason)), so its call was not sent; fix the store, then run apply again"
        case .entryNotRenamed(let from, let to, let key, let store, let reason):
            "consumer \(DisplayText.quoted(from)) (key \(key)) was renamed to \(DisplayText.quoted(to)), but \(store) did not rename its entry (\(reason)); rename the entry in the store by hand"
        case .entryNotForgotten(let name, let key, let store, let reason):
            "consumer \(DisplayText.quoted(name)) (key \(key)) was deleted, but \(store) did not remove its entry (\(reason)); remove the entry from the store by hand"
        }
    }

    /// One sentence about any error, for a report; never a secret, as no error here holds one.
    static func describe(_ error: any Error, interrupted: Bool = false) -> String {
        if error is CancellationError || (interrupted && Task.isCancelled) {
            return "the apply was interrupted before this call finished; if it was a create or a rotation, the next apply with the same secret store delivers its secret"
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
