import Foundation
import FracttalSandbox

/// The console's forms read as the API's request bodies, so that they pass through the very
/// same validation (`BodyValidation`) as `POST` and `PUT` on `/api`. An empty text box stands
/// for `null`, an unchecked box for `false`.
extension ConsumerCreateBody {
    /// The new-consumer form, or without `sendsGrantType` the edit-consumer one (a grant type cannot change).
    init(consoleForm visit: ConsoleVisit, sendsGrantType: Bool) {
        self.init(
            name: ConsoleFormFields.text(visit, WireField.name),
            description: ConsoleFormFields.optionalText(visit, WireField.description),
            grantType: sendsGrantType ? ConsoleFormFields.choice(visit, WireField.grantType) : .missing,
            groupID: ConsoleFormFields.groupID(visit),
            redirectURI: ConsoleFormFields.optionalText(visit, WireField.redirectURI),
            hubEnabled: ConsoleFormFields.checkbox(visit, WireField.hubEnabled)
        )
    }
}

extension GroupInputBody {
    /// The new-group and edit-group form: one checkbox per catalog code.
    init(consoleForm visit: ConsoleVisit) {
        self.init(
            name: ConsoleFormFields.text(visit, WireField.name),
            description: ConsoleFormFields.optionalText(visit, WireField.description),
            permissions: .value(visit.form.values(of: WireField.permissions.rawValue))
        )
    }
}

/// How one form field becomes one body field.
enum ConsoleFormFields {
    /// A text box that must be filled; sent empty, the API's own rule for an empty value judges it.
    static func text(_ visit: ConsoleVisit, _ field: WireField) -> JSONField<String> {
        visit.value(field.rawValue).map { .value($0) } ?? .missing
    }

    /// A `<select>` that must be chosen: nothing chosen is `missing` (the API's "is required").
    static func choice(_ visit: ConsoleVisit, _ field: WireField) -> JSONField<String> {
        guard let value = visit.value(field.rawValue), !value.isEmpty else { return .missing }
        return .value(value)
    }

    /// A text box whose empty value means `null`. A browser sends a multi-line text box's line
    /// breaks as CR LF; they are read back as the LF they were shown from.
    static func optionalText(_ visit: ConsoleVisit, _ field: WireField) -> JSONField<String> {
        guard let value = visit.value(field.rawValue), !value.isEmpty else { return .null }
        return .value(value.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    /// The permission group `<select>`: its value is the group's id.
    static func groupID(_ visit: ConsoleVisit) -> JSONField<Int64> {
        guard let value = visit.value(WireField.groupID.rawValue), !value.isEmpty else { return .missing }
        return Int64(value).map { .value($0) } ?? .wrongType
    }

    /// A checkbox: sent (with `true`) when checked, absent when not.
    static func checkbox(_ visit: ConsoleVisit, _ field: WireField) -> JSONField<Bool> {
        .value(visit.form.values(of: field.rawValue).contains("true"))
    }
}
