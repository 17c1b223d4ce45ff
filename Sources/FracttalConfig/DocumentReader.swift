import FracttalModel

/// Reads the YAML nodes of one file into declarations, collecting a diagnostic for every problem.
///
/// The helpers here read one value each and return nil (after recording why) when it is unusable.
struct DocumentReader {
    /// A key and its value in a mapping.
    struct Field {
        /// The key node.
        let key: YAMLNode
        /// The value node.
        let value: YAMLNode
    }

    /// The file's path as the user named it.
    let file: String
    /// The file's first place: every other location is made in its file, without looking the path up.
    private let start: SourceLocation
    /// Replaces `${env:NAME}` in strings.
    let interpolator: EnvironmentInterpolator
    /// The file's text, for messages that point inside a value.
    let source: SourceText
    /// The file's nodes, or what the composer lends of them while it composes.
    var tree = YAMLTree()
    /// What went wrong so far.
    var diagnostics: [Diagnostic] = []
    /// The file's lines, indexed the first time a message points inside a value.
    private var lines: SourceLines?

    init(file: String, interpolator: EnvironmentInterpolator, source: SourceText) {
        self.file = file
        start = SourceLocation(file: file, line: 1, column: 1)
        self.interpolator = interpolator
        self.source = source
    }

    /// Where a node was written.
    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(line: Int(node.line), column: Int(node.column), inFileOf: start)
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    // MARK: Mappings

    /// The known keys of one mapping, looked up by name.
    struct Fields {
        let shape: MappingShape
        var values: [Field?]

        /// The field written under this key, if any.
        subscript(key: String) -> Field? {
            shape.keys.firstIndex(of: key).flatMap { values[$0] }
        }
    }

    /// The known keys of a mapping; unknown and malformed keys are reported. Nil when the node is no mapping.
    mutating func fields(of node: YAMLNode, shape: MappingShape, field: String) -> Fields? {
        guard node.kind == .mapping else {
            report(typeProblem(node, field: field, expected: "a mapping of keys such as `\(shape.keys[0])`"))
            return nil
        }
        var result = Fields(shape: shape, values: Array(repeating: nil, count: shape.keys.count))
        for (key, value) in tree.pairs(of: node) {
            guard key.kind == .scalar else {
                report(.complexKey(at: location(of: key)))
                continue
            }
            let name = key.text
            if let index = shape.keys.firstIndex(of: name) {
                result.values[index] = Field(key: key, value: value)
            } else if name == "<<" && key.style == .plain {
                report(.mergeKey(at: location(of: key)))
            } else {
                let suggestion = Suggestion.nearest(to: name, among: shape.keys)
                report(.unknownKey(name, in: shape.context, suggestion: suggestion, allowed: shape.keys, at: location(of: key)))
            }
        }
        return result
    }

    // MARK: Scalars

    /// How a scalar reads: a string, a plain null/boolean/number, or a tag this language does not take.
    enum ScalarMeaning: Equatable {
        case string
        case plain(PlainScalar)
        case unsupportedTag(String)
    }

    /// Classifies a scalar without reporting anything.
    func meaning(of scalar: YAMLNode) -> ScalarMeaning {
        switch scalar.tag {
        case .none:
            guard scalar.style == .plain else { return .string }
            let plain = PlainScalar(scalar.text)
            return plain == .string ? .string : .plain(plain)
        case .string, .nonSpecific:
            return .string
        case .other:
            return .unsupportedTag(Self.shortTag(tree.otherTagName(of: scalar) ?? ""))
        }
    }

    /// Whether the node is a plain null (`null`, `~` or nothing).
    func isNull(_ node: YAMLNode) -> Bool {
        node.kind == .scalar && meaning(of: node) == .plain(.null)
    }

    /// `!!int` for `tag:yaml.org,2002:int`, other tags as written.
    private static func shortTag(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    /// Describes a value for "found ..." in messages.
    func describe(_ node: YAMLNode) -> String {
        switch node.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar:
            let text = Self.shorten(node.text)
            switch meaning(of: node) {
            case .plain(.null): return "no value"
            case .plain(.boolean): return "the boolean `\(text)`"
            case .plain: return "the number `\(text)`"
            case .string, .unsupportedTag: return "the string \"\(text)\""
            }
        }
    }

    /// Values as messages show them: line breaks and tabs escaped, long values cut.
    static func shorten(_ text: String) -> String {
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if shown.count >= 80 {
                return String(String.UnicodeScalarView(shown.prefix(77))) + "..."
            }
            switch scalar {
            case "\n": shown.append(contentsOf: "\\n".unicodeScalars)
            case "\r": shown.append(contentsOf: "\\r".unicodeScalars)
            case "\t": shown.append(contentsOf: "\\t".unicodeScalars)
            default: shown.append(scalar)
            }
        }
        return String(shown)
    }

    /// The right diagnostic for a value of the wrong type: "has no value" for null, the tag for a
    /// refused tag, else "must be ..., found ...".
    func typeProblem(_ node: YAMLNode, field: String, expected: String) -> Diagnostic {
        if node.kind == .scalar {
            switch meaning(of: node) {
            case .plain(.null): return .missingValue(field, expected: expected, at: location(of: node))
            case .unsupportedTag(let tag): return .unsupportedTag(tag, at: location(of: node))
            default: break
            }
        }
        return .wrongType(field, expected: expected, found: describe(node), at: location(of: node))
    }

    /// A string value, interpolated. Unquoted numbers and booleans are refused with a hint to quote them.
    mutating func string(_ node: YAMLNode, field: String) -> Located<String>? {
        let here = location(of: node)
        guard node.kind == .scalar else {
            report(typeProblem(node, field: field, expected: "a string"))
            return nil
        }
        switch meaning(of: node) {
        case .string:
            return interpolate(node, at: here)
        case .plain(.boolean):
            report(.needsQuotes(field, text: node.text, readAs: "boolean", at: here))
        case .plain(.integer), .plain(.float):
            report(.needsQuotes(field, text: node.text, readAs: "number", at: here))
        case .plain, .unsupportedTag:
            report(typeProblem(node, field: field, expected: "a string"))
        }
        return nil
    }

    /// The text of any scalar but null, interpolated: for values whose own check explains the form better
    /// than "quote it" would (`max_secret_age: 90`, `rotate_secret_before: 2026`).
    mutating func text(_ node: YAMLNode, field: String, expected: String) -> Located<String>? {
        guard node.kind == .scalar else {
            report(typeProblem(node, field: field, expected: expected))
            return nil
        }
        switch meaning(of: node) {
        case .string, .plain(.boolean), .plain(.integer), .plain(.float):
            return interpolate(node, at: location(of: node))
        case .plain, .unsupportedTag:
            report(typeProblem(node, field: field, expected: expected))
            return nil
        }
    }

    /// A scalar's text with `${env:NAME}` replaced; each `${...}` that cannot be is reported at its `$`.
    mutating func interpolate(_ scalar: YAMLNode, at location: SourceLocation) -> Located<String>? {
        switch interpolator.interpolate(scalar.text) {
        case .value(let value):
            return Located(value, at: location)
        case .failed(let failures):
            let places = interpolationPlaces(failures, in: scalar, at: location)
            for (failure, place) in zip(failures, places) {
                switch failure.reason {
                case .unset(let name): report(.unsetVariable(name, at: place))
                case .credential(let name): report(.credentialVariable(name, at: place))
                case .unsupported(let text): report(.unsupportedInterpolation(Self.shorten(text), at: place))
                }
            }
            return nil
        }
    }

    /// Where each failed `${` of a scalar was written; the scalar's own location when that cannot be told.
    private mutating func interpolationPlaces(
        _ failures: [EnvironmentInterpolator.Failure], in scalar: YAMLNode, at location: SourceLocation
    ) -> [SourceLocation] {
        // The n-th `${` of the value, for each failure.
        var ordinals: [Int: Int] = [:]
        var previous: Unicode.Scalar?
        for (offset, character) in scalar.text.unicodeScalars.enumerated() {
            if previous == "$", character == "{" { ordinals[offset - 1] = ordinals.count }
            previous = character
        }
        let wanted = failures.compactMap { ordinals[$0.offset] }.max().map { $0 + 1 } ?? 0
        if lines == nil { lines = SourceLines(source.string) }
        guard let lines,
              let sites = InterpolationSites.locate(
                count: wanted, style: scalar.style, line: Int(scalar.line), column: Int(scalar.column), in: lines)
        else {
            return failures.map { _ in location }
        }
        return failures.map { failure in
            guard let ordinal = ordinals[failure.offset] else { return location }
            return SourceLocation(line: sites[ordinal].line, column: sites[ordinal].column, inFileOf: start)
        }
    }

    /// `true` or `false`, plain, lower case.
    mutating func bool(_ node: YAMLNode, field: String) -> Located<Bool>? {
        let here = location(of: node)
        guard node.kind == .scalar else {
            report(typeProblem(node, field: field, expected: "`true` or `false`"))
            return nil
        }
        let text = node.text
        let isPlain = node.style == .plain
        switch meaning(of: node) {
        case .plain(.boolean):
            if text == "true" { return Located(true, at: here) }
            if text == "false" { return Located(false, at: here) }
            report(.booleanCase(field, text: text, at: here))
        case .string where isPlain && PlainScalar.yaml11Booleans.contains(text):
            report(.booleanYAML11(field, text: text, at: here))
        case .string where !isPlain && (text.lowercased() == "true" || text.lowercased() == "false"):
            report(.booleanQuoted(field, text: text, at: here))
        default:
            report(typeProblem(node, field: field, expected: "`true` or `false`"))
        }
        return nil
    }

    /// A plain decimal whole number.
    mutating func integer(_ node: YAMLNode, field: String, expected: String) -> Located<Int>? {
        if node.kind == .scalar, meaning(of: node) == .plain(.integer),
           let value = Int(node.text) {
            return Located(value, at: location(of: node))
        }
        report(typeProblem(node, field: field, expected: expected))
        return nil
    }

    /// A list's items.
    mutating func list(_ node: YAMLNode, field: String, expected: String = "a list") -> [YAMLNode]? {
        guard node.kind == .sequence else {
            report(typeProblem(node, field: field, expected: expected))
            return nil
        }
        return tree.items(of: node)
    }

    // MARK: Names

    /// A string that follows the name rules.
    mutating func name(_ node: YAMLNode, field: String) -> Located<String>? {
        guard let name = string(node, field: field) else { return nil }
        if let problem = NameRules.problem(with: name.value, field: field, at: name.location) {
            report(problem)
            return nil
        }
        return name
    }

    /// A list of names.
    mutating func names(_ node: YAMLNode, field: String) -> [Located<String>] {
        guard let items = list(node, field: "`\(field)`", expected: "a list of names") else { return [] }
        return items.compactMap { name($0, field: "each item of `\(field)`") }
    }

    /// An optional description: absent or null is nil; at most 500 code points.
    mutating func description(_ field: Field?, default location: SourceLocation) -> Located<String?> {
        guard let field else { return Located(nil, at: location) }
        let here = self.location(of: field.value)
        if isNull(field.value) { return Located(nil, at: here) }
        guard let text = string(field.value, field: "`description`") else { return Located(nil, at: here) }
        let count = text.value.unicodeScalars.count
        if count > ConfigurationLimits.maxDescriptionLength {
            report(.descriptionTooLong(count: count, at: here))
        }
        return Located(text.value, at: here)
    }
}
