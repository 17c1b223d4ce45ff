/// The forms a plan can be shown in (`--format`).
public enum PlanFormat: String, Sendable, Hashable, CaseIterable {
    /// Terraform-like text for a terminal.
    case text
    /// Markdown for a pull-request comment.
    case markdown
    /// The saved-plan JSON.
    case json
}

extension Plan {
    /// The plan in the given form; `colored` applies to text only.
    public func rendered(as format: PlanFormat, colored: Bool = false) -> String {
        switch format {
        case .text: renderedText(colored: colored)
        case .markdown: renderedMarkdown()
        case .json: renderedJSON()
        }
    }

    /// The saved-plan JSON as text (see `encodedJSON()`).
    public func renderedJSON() -> String {
        String(decoding: encodedJSON(), as: UTF8.self)
    }
}
