import FracttalModel

/// The rules every name follows: 1 to 100 code points, no leading or trailing white space.
enum NameRules {
    /// The first rule the name breaks, as a diagnostic; nil when it follows them all.
    static func problem(with name: String, field: String, at location: SourceLocation) -> Diagnostic? {
        let scalars = name.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else {
            return .emptyName(field, at: location)
        }
        if first.properties.isWhitespace || last.properties.isWhitespace {
            return .nameHasOuterWhitespace(field, at: location)
        }
        let count = scalars.count
        if count > ConfigurationLimits.nameLength.upperBound {
            return .nameTooLong(field, count: count, at: location)
        }
        return nil
    }

    /// Whether a consumer key has the form Fracttal gives keys: 16 to 20 of [A-Za-z0-9].
    static func isConsumerKey(_ text: String) -> Bool {
        ConfigurationLimits.keyLength.contains(text.utf8.count)
            && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
    }
}
