/// The console's Mustache templates, embedded in the binary so that the release's single
/// executable carries them. Data goes in with `{{ }}` only, which HTML-escapes it.
enum ConsoleTemplate: String, CaseIterable, Sendable {
    case layout
    case errorLine = "error-line"
    case nameAndDescription = "name-and-description"
    case message
    case consumers
    case consumerForm = "consumer-form"
    case credentials
    case consumerDelete = "consumer-delete"
    case groups
    case groupForm = "group-form"
    case groupDelete = "group-delete"

    /// The template's text.
    var text: String {
        switch self {
        case .layout: ConsoleTemplates.layout
        case .errorLine: ConsoleTemplates.errorLine
        case .nameAndDescription: ConsoleTemplates.nameAndDescription
        case .message: ConsoleTemplates.message
        case .consumers: ConsoleTemplates.consumers
        case .consumerForm: ConsoleTemplates.consumerForm
        case .credentials: ConsoleTemplates.credentials
        case .consumerDelete: ConsoleTemplates.consumerDelete
        case .groups: ConsoleTemplates.groups
        case .groupForm: ConsoleTemplates.groupForm
        case .groupDelete: ConsoleTemplates.groupDelete
        }
    }
}

/// The texts of the templates, one file per screen.
enum ConsoleTemplates {}
