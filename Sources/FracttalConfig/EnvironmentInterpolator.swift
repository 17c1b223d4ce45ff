/// Replaces `${env:NAME}` in string values by environment variables.
///
/// `$` is literal everywhere except where it starts `${`; there is no escape, so
/// `$${env:X}` is a `$` followed by the value of X. A replaced value is not scanned again.
struct EnvironmentInterpolator {
    /// The variables the tool itself reads as credentials. `${env:NAME}` refuses them, set or not:
    /// a configuration file (say, one changed by a pull request) must not be able to copy a credential
    /// into a plan or a message. Add a variable here only when the tool starts reading it as a credential.
    static let credentialVariables: Set<String> = ["FRACTTAL_CLIENT_SECRET"]

    /// A `${...}` that could not be replaced, with where its `$` stands in the text (in Unicode scalars from 0).
    struct Failure: Equatable {
        /// What is wrong with it.
        enum Reason: Equatable {
            /// `${env:NAME}` with NAME unset.
            case unset(name: String)
            /// `${env:NAME}` with NAME one of `credentialVariables`; its value is never read.
            case credential(name: String)
            /// Any other `${...}` form (the text as written, up to its `}` or the end).
            case unsupported(text: String)
        }

        /// What is wrong with it.
        var reason: Reason
        /// The position of its `$` in the text, counted in Unicode scalars from 0.
        var offset: Int
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
            let offset = text.unicodeScalars.distance(from: text.startIndex, to: dollar)
            let bodyStart = rest.index(after: afterDollar)
            guard let close = rest[bodyStart...].firstIndex(of: "}") else {
                failures.append(Failure(reason: .unsupported(text: String(rest[dollar...])), offset: offset))
                rest = rest[rest.endIndex...]
                break
            }
            let body = rest[bodyStart..<close]
            if body.hasPrefix("env:"), Self.isVariableName(body.dropFirst(4)) {
                let name = String(body.dropFirst(4))
                if Self.credentialVariables.contains(name) {
                    failures.append(Failure(reason: .credential(name: name), offset: offset))
                } else if let value = environment[name] {
                    result += value
                } else {
                    failures.append(Failure(reason: .unset(name: name), offset: offset))
                }
            } else {
                failures.append(Failure(reason: .unsupported(text: String(rest[dollar...close])), offset: offset))
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
