/// Why the pass over a file's YAML stopped before its end. The documents completed before the
/// stop are still read, except after an alias in a key, which refuses the whole file.
enum YAMLStop: Equatable {
    /// A 1-based line and column, columns in Unicode scalars.
    struct Place: Equatable {
        var line: Int
        var column: Int
    }

    /// A key written a second time in one mapping.
    struct Repetition: Equatable {
        /// The key.
        var key: String
        /// The 1-based line of its first occurrence.
        var firstLine: Int
        /// Where it is written again.
        var place: Place
    }

    /// libyaml refused the text.
    case syntax(LibYAMLError)
    /// An alias names no anchor written before it in its document.
    case undefinedAlias(at: Place)
    /// The first mapping to end with a repeated key: each repeated key at its second occurrence.
    case repeatedKeys([Repetition])
    /// The aliases expand more often than the limit allows; the alias that crossed it.
    case tooManyAliases(anchor: String, at: Place)
    /// An alias in a mapping key: the language never needs one, and a key that expands a
    /// "billion laughs" would be costly to compare.
    case aliasInKey(at: Place)
}
