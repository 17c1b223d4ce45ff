/// Replaces `${env:NAME}` in string values by environment variables.
///
/// `$` is literal everywhere except where it starts `${`; there is no escape, so
/// `$${env:X}` is a `$` followed by the value of X. A replaced value is not scanned again.
struct EnvironmentInterpolator {
    /// A `${...}` that could not be replaced.
    enum Failure: Equatable {
        /// `${env:NAME}` with NAME unset.
        case unset(name: String)
        /// Any other `${...}` form (the text as written, up to its `}` or the end).
        case unsupported(text: String)
    }

    /// The outcome of interpolating one string.
    enum Outcome: Equatable {
        /// The text with every variable replaced.
        case value(String)
        /// Every `${...}` that could not be replaced, in order.
        case failed([Failure])
    }

    /// The variables `${env:NAME}` may read.
    let environment: [String: String]

    /// The text with every `${env:NAME}` replaced, or every failure found in it.
    func interpolate(_ text: String) -> Outcome {
        guard text.utf8.contains(UInt8(ascii: "$")) else { return .value(text) }
        var result = ""
        var failures: [Failure] = []
        var rest = text[...]
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let afterDollar = rest.index(after: dollar)
            guard afterDollar < rest.endIndex, rest[afterDollar] == "{" else {
                result.append("$")
                rest = rest[afterDollar...]
                continue
            }
            let bodyStart = rest.index(after: afterDollar)
            guard let close = rest[bodyStart...].firstIndex(of: "}") else {
                failures.append(.unsupported(text: String(rest[dollar...])))
                rest = rest[rest.endIndex...]
                break
            }
            let body = rest[bodyStart..<close]
            if body.hasPrefix("env:"), Self.isVariableName(body.dropFirst(4)) {
                let name = String(body.dropFirst(4))
                if let value = environment[name] {
                    result += value
                } else {
                    failures.append(.unset(name: name))
                }
            } else {
                failures.append(.unsupported(text: String(rest[dollar...close])))
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return failures.isEmpty ? .value(result) : .failed(failures)
    }

    /// Whether the text is `[A-Za-z_][A-Za-z0-9_]*`.
    static func isVariableName(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
