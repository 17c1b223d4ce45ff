import Foundation
import FracttalModel

/// Why an apply is refused before any change.
public enum ApplyPreconditionError: CodedError, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The plan creates, replaces or rotates the secret of these consumers, and no secrets file was given.
    case secretsOutRequired([ResourceAddress])

    /// The code printed after the sentence.
    public var code: Diagnostic.Code {
        switch self {
        case .secretsOutRequired: "FRC309"
        }
    }

    /// One sentence that says what is wrong and what to do.
    public var description: String {
        switch self {
        case .secretsOutRequired(let addresses):
            let named = addresses.prefix(3).map(\.description).joined(separator: ", ")
            let more = addresses.count > 3 ? " and \(addresses.count - 3) more" : ""
            return "this plan issues new secrets (\(named)\(more)), which the server shows only once; give --secrets-out FILE to keep them, nothing was changed"
        }
    }

    /// The same sentence as `description`.
    public var errorDescription: String? { description }
}
