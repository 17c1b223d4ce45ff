/// Turns a consumer's name into the NAME of its `FRACTTAL_<NAME>_KEY` and `FRACTTAL_<NAME>_SECRET` variables.
///
/// The rule, character by character (a letter with a combining accent is one character):
/// ASCII `a`-`z` become `A`-`Z`; `A`-`Z` and `0`-`9` stay; every run of any other characters
/// (space, punctuation, `_`, and every non-ASCII letter such as `è`) becomes one `_`.
/// Nothing is trimmed, so `"Conexiones API Fracttal Imè"` gives `CONEXIONES_API_FRACTTAL_IM_`
/// and `"consumidorfabian09/05"` gives `CONSUMIDORFABIAN09_05`.
public enum SecretEnvironmentName {
    /// The NAME for a consumer name.
    public static func name(for consumerName: String) -> String {
        var result = ""
        var inRun = false
        for character in consumerName {
            if let kept = keptCharacter(character) {
                result.append(kept)
                inRun = false
            } else if !inRun {
                result.append("_")
                inRun = true
            }
        }
        return result
    }

    /// `FRACTTAL_<NAME>_KEY` for a consumer name.
    public static func keyVariable(for consumerName: String) -> String { keyVariable(named: name(for: consumerName)) }

    /// `FRACTTAL_<NAME>_SECRET` for a consumer name.
    public static func secretVariable(for consumerName: String) -> String { secretVariable(named: name(for: consumerName)) }

    /// The variables fracttal itself reads: no consumer's NAME may make one of them.
    public static let readByTheTool: Set<String> = [
        "FRACTTAL_CLIENT_ID", "FRACTTAL_CLIENT_SECRET", "FRACTTAL_BASE_URL", "FRACTTAL_TOKEN_URL",
        "FRACTTAL_SECRETS_OUT", "FRACTTAL_LOG_LEVEL",
    ]

    /// `FRACTTAL_<NAME>_KEY` for a NAME.
    static func keyVariable(named envName: String) -> String { "FRACTTAL_\(envName)_KEY" }

    /// `FRACTTAL_<NAME>_SECRET` for a NAME.
    static func secretVariable(named envName: String) -> String { "FRACTTAL_\(envName)_SECRET" }

    /// The upper-case ASCII letter or digit a character stands for, or nil for an "other" character.
    private static func keptCharacter(_ character: Character) -> Character? {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return nil }
        switch scalar.value {
        case 0x61...0x7A: return Character(Unicode.Scalar(scalar.value - 0x20)!)
        case 0x41...0x5A, 0x30...0x39: return character
        default: return nil
        }
    }
}
