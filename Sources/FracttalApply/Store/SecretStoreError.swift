import Foundation
import FracttalModel

/// Why a secret store cannot be used; the text names the store, consumers and keys, never a secret.
public enum SecretStoreError: CodedError, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The store cannot be read or written (a file that is not in its format, a helper that failed).
    case unusable(store: String, reason: String)
    /// The store holds the secrets of another company, or of another signing consumer.
    case otherScope(store: String, holds: String, wanted: String)
    /// The helper lacks a capability the command needs.
    case missingCapability(store: String, capability: String, remedy: String)
    /// Another apply holds the lock, and the wait for it ran out.
    case lockHeld(store: String, holder: LockHolder, waited: Duration)
    /// The lock was lost or could not be renewed in time.
    case lockLost(store: String, reason: String)
    /// Two consumers this apply writes, or one and an entry the env file holds, share an environment NAME.
    case envNamesCollide(store: String, first: String, second: String, envName: String)
    /// A consumer this apply writes maps to the NAME of another consumer the env file already holds.
    case envEntryCollides(store: String, name: String, heldBy: String, key: String, envName: String)
    /// A consumer's NAME would make a variable the tool itself reads.
    case envNameReserved(store: String, name: String, variable: String)
    /// The store's folder cannot take a new file.
    case unwritableFolder(store: String, reason: String)

    /// The code printed after the sentence.
    public var code: Diagnostic.Code {
        switch self {
        case .unusable: "FRC312"
        case .otherScope: "FRC318"
        case .missingCapability: "FRC319"
        case .lockHeld: "FRC320"
        case .lockLost: "FRC321"
        case .envNamesCollide: "FRC310"
        case .envEntryCollides: "FRC311"
        case .envNameReserved: "FRC323"
        case .unwritableFolder: "FRC313"
        }
    }

    /// One sentence that says what is wrong and what to do.
    public var description: String {
        switch self {
        case .unusable(let store, let reason):
            "the secret store \(store) cannot be used (\(reason)); fix it, or choose another --secrets-out"
        case .otherScope(let store, let holds, let wanted):
            "the secret store \(store) holds the secrets of \(holds), not of \(wanted); choose the store of this company and signing consumer with --secrets-out"
        case .missingCapability(let store, let capability, let remedy):
            "the secret store \(store) lacks the `\(capability)` capability; \(remedy)"
        case .lockHeld(let store, let holder, let waited):
            "the secret store \(store) is locked by \(DisplayText.escaped(holder.heldBy)) since \(holder.since)\(waited > .zero ? " (waited \(Self.seconds(waited)))" : ""); wait for that apply to finish, or pass --lock-timeout to wait longer; if it is dead, run `fracttal unlock \(holder.lockID)`. Nothing was changed"
        case .lockLost(let store, let reason):
            "the lock of the secret store \(store) was lost (\(reason)), so no further change was sent; run apply again"
        case .envNamesCollide(let store, let first, let second, let envName):
            "consumers \(DisplayText.quoted(first)) and \(DisplayText.quoted(second)) would both be written to \(store) as FRACTTAL_\(envName)_KEY and FRACTTAL_\(envName)_SECRET; rename one of them or use --secrets-format json"
        case .envEntryCollides(let store, let name, let heldBy, let key, let envName):
            "consumer \(DisplayText.quoted(name)) would overwrite FRACTTAL_\(envName)_KEY and FRACTTAL_\(envName)_SECRET in \(store), which belong to consumer \(DisplayText.quoted(heldBy)) (key \(key)); rename one of them or choose another --secrets-out file"
        case .unwritableFolder(let store, let reason):
            "cannot write the secrets file \(store) (\(reason)); make its folder writable or choose another --secrets-out file"
        case .envNameReserved(let store, let name, let variable):
            "consumer \(DisplayText.quoted(name)) would be written to \(store) as \(variable), a variable fracttal itself reads; use --secrets-format json, or rename the consumer"
        }
    }

    /// The same sentence as `description`.
    public var errorDescription: String? { description }

    private static func seconds(_ duration: Duration) -> String {
        "\(duration.components.seconds) s"
    }
}
