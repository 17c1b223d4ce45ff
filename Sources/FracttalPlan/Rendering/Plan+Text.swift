import FracttalModel

extension Plan {
    /// The plan for people, Terraform-like: the target, each action with its field changes, warnings, notes, and a summary line.
    ///
    /// Symbols: `+` create, `~` update, `-/+` replace, `*` rotate secret, `-` delete.
    /// ANSI colour only when `colored` is true.
    public func renderedText(colored: Bool = false) -> String {
        let paint = TextPaint(enabled: colored)
        var lines = ["Target: \(RenderedValue.escaped(target, escapingQuotes: false))"]
        if let targets {
            lines.append(paint.apply(.yellow, RenderedValue.partialSentence(targets)))
        }
        for action in actions {
            lines.append("")
            lines += Self.textLines(of: action, paint: paint)
        }
        let warnings = shownWarnings
        if !warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines += warnings.map { "  - \(Self.textLine(($0, $0.message)))" }
        }
        let notes = shownNotes
        if !notes.isEmpty {
            lines.append("")
            lines.append("Notes:")
            lines += notes.map { "  - \(Self.textLine($0))" }
        }
        lines.append("")
        lines.append(actions.isEmpty ? RenderedValue.noChanges(partial: isPartial) : paint.bold(RenderedValue.summarySentence(summary)))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The symbol of an action in the text form.
    static func textSymbol(_ action: ActionType) -> String {
        switch action {
        case .create: "+"
        case .update: "~"
        case .replace: "-/+"
        case .delete: "-"
        case .rotateSecret: "*"
        }
    }

    private static func textLines(of action: PlanAction, paint: TextPaint) -> [String] {
        let colour = TextPaint.colour(of: action.action)
        var lines = [paint.apply(
            colour, "\(textSymbol(action.action)) \(RenderedValue.subject(of: action)) \(RenderedValue.outcome(of: action.action)) (step \(action.step))")]
        if action.action == .replace {
            lines.append(paint.apply(.red, "  # \(RenderedValue.replacementWarning)"))
        }
        if !action.reason.isEmpty {
            lines.append("  # \(RenderedValue.escaped(action.reason, escapingQuotes: false))")
        }
        for diff in action.fieldDiffs() {
            let suffix = diff.forcesReplacement ? paint.apply(.red, " # forces replacement") : ""
            switch diff.change {
            case .scalar(nil, let new?):
                lines.append(paint.apply(.green, "  + \(diff.field): \(new)"))
            case .scalar(let old?, nil):
                lines.append(paint.apply(.red, "  - \(diff.field): \(old)"))
            case .scalar(let old, let new):
                lines.append(paint.apply(.yellow, "  ~ \(diff.field): \(old ?? "null") -> \(new ?? "null")") + suffix)
            case .codes(let added, let removed):
                let sign = action.action == .create ? "+" : action.action == .delete ? "-" : "~"
                let signColour: TextPaint.Colour = sign == "+" ? .green : sign == "-" ? .red : .yellow
                if added.isEmpty, removed.isEmpty {
                    lines.append(paint.apply(signColour, "  \(sign) \(diff.field): []"))
                    continue
                }
                lines.append(paint.apply(signColour, "  \(sign) \(diff.field):"))
                lines += added.map { paint.apply(.green, "      + \($0)") }
                lines += removed.map { paint.apply(.red, "      - \($0)") }
            }
        }
        return lines
    }
}

/// ANSI colour for the text form, or none.
struct TextPaint {
    enum Colour: String {
        case red = "31", green = "32", yellow = "33", cyan = "36", bold = "1"
    }

    let enabled: Bool

    static func colour(of action: ActionType) -> Colour {
        switch action {
        case .create: .green
        case .update: .yellow
        case .replace, .delete: .red
        case .rotateSecret: .cyan
        }
    }

    func apply(_ colour: Colour, _ text: String) -> String {
        enabled ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { apply(.bold, text) }
}
