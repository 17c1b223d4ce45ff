import FracttalModel

/// A live consumer that shares the name of one this apply created and was made during it: a late commit
/// of a create whose answer was lost. Nobody received its secret.
public struct StrayConsumer: Sendable, Hashable {
    /// Its name, the same as the created one's.
    public var name: String
    /// Its key.
    public var key: String
    /// The key of the consumer this apply created and delivered, which stays.
    public var keptKey: String

    /// The code printed after the report's line about a stray consumer.
    public static let code: Diagnostic.Code = "FRC317"

    /// Pairs the stray with the consumer that stays, so that the report can say which key to delete.
    public init(name: String, key: String, keptKey: String) {
        self.name = name
        self.key = key
        self.keptKey = keptKey
    }
}
