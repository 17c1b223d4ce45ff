import FracttalModel

/// The keys one kind of mapping allows, and how messages name that mapping.
struct MappingShape {
    /// Where the mapping sits, for messages: "in a consumer".
    let context: String
    /// The allowed keys, in the order messages list them.
    let keys: [String]

    /// A document's root.
    static let document = MappingShape(
        context: "at the top of a document",
        keys: ["version", "settings", "permission_groups", "consumers"]
    )
    /// The `settings` block.
    static let settings = MappingShape(context: "in `settings`", keys: ["prune", "protect", "max_delete_percent"])
    /// `settings.protect`.
    static let protect = MappingShape(context: "in `settings.protect`", keys: ["consumers", "groups"])
    /// One item of `permission_groups`.
    static let group = MappingShape(
        context: "in a permission group", keys: GroupField.allCases.map(\.key) + GroupField.declarationKeys)
    /// One item of `consumers`.
    static let consumer = MappingShape(
        context: "in a consumer", keys: ConsumerField.allCases.map(\.key) + ConsumerField.declarationKeys)
}
