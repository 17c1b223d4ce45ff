/// A name in double quotes, with `"` and `\` escaped, for messages.
func quoted(_ name: String) -> String {
    var text = "\""
    for character in name {
        if character == "\"" || character == "\\" { text.append("\\") }
        text.append(character)
    }
    text.append("\"")
    return text
}
