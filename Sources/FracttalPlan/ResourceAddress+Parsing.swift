import FracttalModel

extension ResourceAddress {
    /// Parses the description form, `kind["name"]` with `"` and `\` escaped; nil for any other text.
    public init?(parsing text: String) {
        guard let open = text.firstIndex(of: "["), let kind = ResourceKind(rawValue: String(text[..<open])) else {
            return nil
        }
        let rest = text[text.index(after: open)...]
        guard rest.hasPrefix("\""), rest.hasSuffix("\"]"), rest.count >= 3 else { return nil }
        var name = ""
        var escaping = false
        for character in rest.dropFirst().dropLast(2) {
            if escaping {
                name.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "\"" {
                return nil
            } else {
                name.append(character)
            }
        }
        guard !escaping else { return nil }
        self.init(kind, name)
    }
}
