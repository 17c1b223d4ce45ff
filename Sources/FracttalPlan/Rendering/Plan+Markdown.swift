import FracttalModel

extension Plan {
    /// The largest Markdown rendering, in UTF-16 code units, that fits a pull-request comment with room to spare.
    public static let markdownCharacterLimit = 60_000

    /// The plan as a pull-request comment: target, summary table, a warning listing deletions and replacements,
    /// the planner's warnings and notes, then one collapsed diff per action.
    ///
    /// Past `maxCharacters` (UTF-16 code units) the actions are cut at an action boundary, and a closing note says
    /// how many were left out and where to find the full plan.
    public func renderedMarkdown(maxCharacters: Int = Plan.markdownCharacterLimit) -> String {
        var head = "## Fracttal plan\n\n**Target:** <code>\(MarkdownText.escaped(target))</code>\n\n"
        if let targets {
            head += "> [!IMPORTANT]\n> \(MarkdownText.escaped(RenderedValue.partialSentence(targets)))\n\n"
        }
        guard hasChanges else {
            head += "\(RenderedValue.noChanges(partial: isPartial))\n"
            return head + markdownNotes()
        }
        head += "**\(RenderedValue.summarySentence(summary))**\n\n"
        head += "| action | count |\n|:--|--:|\n"
        for (name, count) in [
            ("create", summary.create), ("update", summary.update), ("replace", summary.replace),
            ("delete", summary.delete), ("rotate_secret", summary.rotateSecret), ("unchanged", summary.unchanged),
        ] {
            head += "| \(name) | \(count) |\n"
        }
        head += "\n" + markdownWarning() + markdownNotes()

        var body = ""
        var length = head.utf16.count
        for (position, action) in actions.enumerated() {
            let block = Self.markdownBlock(of: action)
            let left = actions.count - position
            let blockLength = block.utf16.count
            // The last block needs no room for the cut note; any earlier one does, in case a later block does not fit.
            let reserve = left == 1 ? 0 : Self.cutNote(leftOut: left - 1).utf16.count
            if length + blockLength + reserve > maxCharacters {
                return head + body + Self.cutNote(leftOut: left)
            }
            body += block
            length += blockLength
        }
        return head + body
    }

    private func markdownWarning() -> String {
        let risky = actions.filter { $0.action == .delete || $0.action == .replace }
        guard !risky.isEmpty else { return "" }
        var text = "> [!WARNING]\n> This plan deletes or replaces \(risky.count == 1 ? "1 object" : "\(risky.count) objects"); each replaced consumer gets a new key and secret.\n"
        let shown = risky.prefix(20)
        for action in shown {
            let what = action.action == .replace ? "replace" : "delete"
            text += "> - \(what) <code>\(MarkdownText.escaped(RenderedValue.subject(of: action)))</code>\n"
        }
        if risky.count > shown.count {
            text += "> - and \(risky.count - shown.count) more\n"
        }
        return text + "\n"
    }

    private func markdownNotes() -> String {
        var text = ""
        let warnings = shownWarnings
        if !warnings.isEmpty {
            text += "**Warnings**\n\n" + warnings.map { Self.markdownLine(($0, $0.message)) }.joined() + "\n"
        }
        let notes = shownNotes
        if !notes.isEmpty {
            text += "**Notes**\n\n" + notes.map(Self.markdownLine).joined() + "\n"
        }
        return text
    }

    private static func cutNote(leftOut: Int) -> String {
        let actions = leftOut == 1 ? "1 more action is" : "\(leftOut) more actions are"
        return "> [!NOTE]\n> \(actions) not shown, to keep this comment short; see the full plan in the job's artifact, or run `fracttal show` on the saved plan.\n"
    }

    private static func markdownBlock(of action: PlanAction) -> String {
        let symbol = MarkdownText.escaped(textSymbol(action.action))
        let subject = MarkdownText.escaped(RenderedValue.subject(of: action))
        var text = "<details><summary><code>\(symbol)</code> <code>\(subject)</code> \(RenderedValue.outcome(of: action.action)) (step \(action.step))</summary>\n\n```diff\n"
        if action.action == .replace {
            text += "! \(RenderedValue.replacementWarning)\n"
        }
        if !action.reason.isEmpty {
            text += "# \(RenderedValue.escaped(action.reason, escapingQuotes: false))\n"
        }
        for diff in action.fieldDiffs() {
            let suffix = diff.forcesReplacement ? "  # forces replacement" : ""
            switch diff.change {
            case .scalar(let old, let new):
                if let old { text += "- \(diff.field): \(old)\(suffix)\n" }
                if let new { text += "+ \(diff.field): \(new)\(suffix)\n" }
            case .codes(let added, let removed):
                if added.isEmpty, removed.isEmpty {
                    text += "\(action.action == .delete ? "-" : "+") \(diff.field): []\n"
                    continue
                }
                text += "  \(diff.field):\n"
                text += added.map { "+   \($0)\n" }.joined()
                text += removed.map { "-   \($0)\n" }.joined()
            }
        }
        return text + "```\n\n</details>\n\n"
    }
}

/// Escaping for text placed in Markdown or HTML.
enum MarkdownText {
    /// Replaces every character that Markdown or HTML could read as syntax by its numeric entity.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&", "<", ">", "|", "`", "*", "_", "[", "]", "\\", "~", "$":
                result += "&#\(scalar.value);"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
