import Foundation
import FracttalSandbox

/// How the console words values: dates, grant types, counts, and refused fields.
enum ConsoleText {
    /// A date as the API writes it (`2024-05-10T15:20:00Z`), for `<time datetime>`.
    static func isoDate(_ date: Date) -> String {
        (try? RFC3339Transcoder().encode(date)) ?? ""
    }

    /// A date for people, in UTC: `2024-05-10 15:20:00`.
    static func date(_ date: Date) -> String {
        let iso = isoDate(date)
        guard iso.count == 20 else { return iso }
        return String(iso.dropLast()).replacingOccurrences(of: "T", with: " ")
    }

    /// The grant type as Fracttal's form names it.
    static func grantType(_ value: String) -> String {
        switch value {
        case "client_credentials": "Client credentials"
        case "authorization_code": "Authorization code"
        default: value
        }
    }

    /// `1 consumer`, `3 consumers`.
    static func count(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }

    /// The refused fields, by the form field they belong beside (`permissions[2]` beside
    /// `permissions`); those of fields the form does not show come apart.
    static func errorLines(_ problems: [FieldViolation], shown: Set<WireField>)
        -> (byField: [String: [ErrorLine]], others: [ErrorLine])
    {
        var byField: [String: [ErrorLine]] = [:]
        var others: [ErrorLine] = []
        for problem in problems {
            let line = ErrorLine(field: problem.field, message: problem.message)
            let base = String(problem.field.prefix { $0 != "[" })
            if let field = WireField(rawValue: base), shown.contains(field) {
                byField[base, default: []].append(line)
            } else {
                others.append(line)
            }
        }
        return (byField, others)
    }
}
