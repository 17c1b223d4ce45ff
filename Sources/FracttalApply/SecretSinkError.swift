import FracttalModel
import Foundation

/// Why the secrets file cannot be used or written; the text names files, consumers and keys, never a secret.
public enum SecretSinkError: CodedError, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// Two consumers this apply writes map to one environment NAME.
    case namesCollide(first: String, second: String, envName: String, path: String)
    /// A consumer this apply writes maps to the NAME of another consumer the file already holds.
    case fileEntryCollides(name: String, heldBy: String, key: String, envName: String, path: String)
    /// The secrets file exists but cannot be read or is not in the chosen format.
    case unusableFile(path: String, reason: String)
    /// The secrets file's folder cannot take a new file.
    case unwritableFolder(path: String, reason: String)
    /// A secret was issued but could not be written; it is kept in memory only and never shown.
    case writeFailed(name: String, key: String, path: String, reason: String)

    /// The code printed after the sentence.
    public var code: Diagnostic.Code {
        switch self {
        case .namesCollide: "FRC310"
        case .fileEntryCollides: "FRC311"
        case .unusableFile: "FRC312"
        case .unwritableFolder: "FRC313"
        case .writeFailed: "FRC314"
        }
    }

    /// One sentence that says what is wrong and what to do.
    public var description: String {
        switch self {
        case .namesCollide(let first, let second, let envName, let path):
            "consumers \(DisplayText.quoted(first)) and \(DisplayText.quoted(second)) would both be written to \(path) as FRACTTAL_\(envName)_KEY and FRACTTAL_\(envName)_SECRET; rename one of them or use --secrets-format json"
        case .fileEntryCollides(let name, let heldBy, let key, let envName, let path):
            "consumer \(DisplayText.quoted(name)) would overwrite FRACTTAL_\(envName)_KEY and FRACTTAL_\(envName)_SECRET in \(path), which belong to consumer \(DisplayText.quoted(heldBy)) (key \(key)); rename one of them or choose another --secrets-out file"
        case .unusableFile(let path, let reason):
            "the secrets file \(path) cannot be used (\(reason)); fix or move it, or choose another --secrets-out file"
        case .unwritableFolder(let path, let reason):
            "cannot write the secrets file \(path) (\(reason)); make its folder writable or choose another --secrets-out file"
        case .writeFailed(let name, let key, let path, let reason):
            "the new secret of consumer \(DisplayText.quoted(name)) (key \(key)) could not be written to \(path) (\(reason)) and is shown nowhere; fix the file's folder, then run apply again from this folder: it rotates that consumer's secret to deliver a new one"
        }
    }

    /// The same sentence as `description`.
    public var errorDescription: String? { description }
}
