import FracttalModel

/// A secret the server issued that could not be written to the secrets file; it is never shown.
///
/// Only the consumer's name and key are kept here, so that the user can rotate that secret.
public struct UnsavedSecret: Sendable, Hashable, CustomStringConvertible {
    /// The consumer's name.
    public var name: String
    /// The consumer's key.
    public var key: String

    /// Takes only the name and key: the secret itself never enters this value.
    public init(name: String, key: String) {
        self.name = name
        self.key = key
    }

    /// The code printed after the report's line about an unsaved secret.
    public static let code: Diagnostic.Code = "FRC316"

    /// `consumer "name" (key KEY)`.
    public var description: String { "consumer \(DisplayText.quoted(name)) (key \(key))" }
}
