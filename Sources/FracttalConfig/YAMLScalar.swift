import FracttalModel
/// Writes a string as one YAML scalar that every YAML reader takes back as that exact string.
///
/// libyaml's emitter escapes and quotes whatever YAML syntax needs: indicators,
/// `: ` and ` #`, outer spaces, control characters. It does not know how a reader resolves a
/// plain scalar's type, so a plain scalar is only asked for when no schema could read it as
/// anything but a string: not a YAML 1.2 core null, boolean or number (`null`, `true`, `1212`,
/// `0x1F`, `.inf`), nor a YAML 1.1 one (`yes`, `off`, `y`, `1_000`, `2026-11-01`, `1:20`) that older
/// tools and yamllint's `truthy` rule still read that way.
enum YAMLScalar {
    /// A field table's value as it appears after `key: `, on one line; a list in flow style.
    static func render(_ value: FieldValue) -> String {
        switch value {
        case .text(let text): render(text)
        case .optionalText(let text): text.map(render) ?? "null"
        case .number(let number): String(number)
        case .flag(let flag): flag ? "true" : "false"
        case .list(let items): "[" + items.map(render).joined(separator: ", ") + "]"
        }
    }

    /// The scalar as it appears after `key: ` or `- `, always on one line.
    static func render(_ text: String) -> String {
        let style: YAMLScalarEmitter.Style
        if text.unicodeScalars.contains(where: isBreakOrTab) {
            // A single-quoted scalar would fold a line break; a double-quoted one escapes it (`\n`).
            style = .doubleQuoted
        } else if mayBePlain(text) {
            style = .plain
        } else {
            style = .singleQuoted
        }
        guard let emitted = YAMLScalarEmitter.emit(text, style: style) else {
            return doubleQuoted(text)
        }
        return stripDocumentMarkers(emitted)
    }

    /// libyaml ends a document whose root is a plain scalar with `...`; the scalar itself is the first line.
    private static func stripDocumentMarkers(_ emitted: String) -> String {
        var text = Substring(emitted)
        if text.hasSuffix("\n...\n") { text = text.dropLast(4) }
        while text.hasSuffix("\n") { text = text.dropLast() }
        return String(text)
    }

    /// Whether a plain scalar of this text reads as a string under any YAML schema, and stays one
    /// line in both block and flow context (libyaml still quotes what its syntax needs).
    static func mayBePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        // Numbers, dates and times of YAML 1.1 and 1.2 all start with one of these.
        if ("0"..."9").contains(first) || first == "+" || first == "-" || first == "." { return false }
        // `?x` and `:x` are plain scalars in YAML 1.2, but older readers take them for indicators.
        if first == "?" || first == ":" { return false }
        if PlainScalar(text) != .string { return false }
        if reservedWords.contains(text.lowercased()) { return false }
        return !text.unicodeScalars.contains { flowIndicators.contains($0) || isInvisible($0) }
    }

    /// White space other than the ASCII space, and invisible format characters (U+00A0, U+200B, U+FEFF):
    /// quotes show where a text that holds them starts and ends.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII else { return false }
        return scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
    }

    /// Plain words that YAML 1.1 reads as booleans or null, or as a merge or value key, in any case.
    private static let reservedWords: Set<String> = [
        "yes", "no", "on", "off", "y", "n", "true", "false", "null", "~", "<<", "=",
    ]

    /// Characters that end a plain scalar inside `[...]` or `{...}`.
    private static let flowIndicators: Set<Unicode.Scalar> = [",", "[", "]", "{", "}"]

    /// Line breaks as YAML knows them (LF, CR, NEL, LS, PS) and the tab.
    private static func isBreakOrTab(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// A double-quoted scalar with every character outside printable ASCII escaped; used only if
    /// the emitter fails, which it does not for a lone string scalar.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case " "..."~": result.unicodeScalars.append(scalar)
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                if scalar.value <= 0xFF {
                    result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else if scalar.value <= 0xFFFF {
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                }
            }
        }
        return result + "\""
    }
}
