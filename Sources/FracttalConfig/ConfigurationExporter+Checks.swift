import FracttalModel

/// Whether a live value can be written so that the loader reads it back exactly.
enum ExportCheck {
    /// Why a name cannot be written, or nil.
    static func name(_ name: String) -> ExportNote.Reason? {
        if holdsInterpolation(name) { return .interpolation(field: "name") }
        let here = SourceLocation(file: "", line: 1, column: 1)
        guard NameRules.problem(with: name, field: "`name`", at: here) != nil else { return nil }
        if name.isEmpty { return .badName(problem: "is empty") }
        let count = name.unicodeScalars.count
        if count > ConfigurationLimits.nameLength.upperBound {
            return .badName(problem: "has \(count) characters")
        }
        return .badName(problem: "starts or ends with white space")
    }

    /// Why a description cannot be written, or nil (nil is written by leaving the key out).
    static func description(_ description: String?) -> ExportNote.Reason? {
        guard let description else { return nil }
        if holdsInterpolation(description) { return .interpolation(field: "description") }
        let count = description.unicodeScalars.count
        if count > ConfigurationLimits.maxDescriptionLength { return .longDescription(count: count) }
        return nil
    }

    /// Whether the loader would read a `${...}` in the text, as a variable or as an error.
    static func holdsInterpolation(_ text: String) -> Bool {
        EnvironmentInterpolator(environment: [:]).interpolate(text) != .value(text)
    }
}
