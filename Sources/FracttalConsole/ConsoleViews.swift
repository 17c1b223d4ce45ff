// The values the console's templates are filled from. Mustache reads their stored properties
// by name; `nil` and `false` leave a section out.

/// What every page shows around its content: title, navigation, the CSRF token of the logout
/// form, and a notice from the previous action.
struct ConsoleChrome {
    /// The part of the console a page belongs to.
    enum Area {
        case consumers, groups
    }

    let title: String
    /// The end of the breadcrumb, as in Fracttal's Settings > API Connections screens.
    let section: String
    let signedIn: Bool
    let csrf: String
    let notice: String?
    let onConsumers: Bool
    let onGroups: Bool

    init(title: String, area: Area?, session: ConsoleSession?, notice: String?) {
        self.title = title
        self.section =
            switch area {
            case .consumers: "OAuth Consumers"
            case .groups: "Permission groups"
            case nil: title
            }
        self.signedIn = session != nil
        self.csrf = session?.csrfToken ?? ""
        self.notice = notice
        self.onConsumers = area == .consumers
        self.onGroups = area == .groups
    }
}

/// A link with its text.
struct ConsoleLink {
    let href: String
    let label: String
}

/// An option of a `<select>`.
struct OptionView {
    let value: String
    let label: String
    let selected: Bool
}

/// One refused field, as the API's 400 names it: `name` and `must not be empty`.
struct ErrorLine {
    let field: String
    let message: String
}

/// A page that says one thing.
struct MessageView {
    let chrome: ConsoleChrome
    let heading: String
    let paragraphs: [String]
    let link: ConsoleLink?
}

// MARK: OAuth consumers

/// The OAuth Consumers table.
struct ConsumerListView {
    struct Column {
        let label: String
        let href: String
        /// `ascending` or `descending` on the sorted column.
        let ariaSort: String?
        let arrow: String?
    }

    struct Row {
        let name: String
        let description: String?
        let grantType: String
        let groupName: String
        let hub: Bool
        let key: String
        let created: String
        let createdISO: String
        let editHref: String
        let deleteHref: String
    }

    let chrome: ConsoleChrome
    let query: String
    let hasQuery: Bool
    let sort: String?
    let order: String?
    let clearHref: String
    let columns: [Column]
    let rows: [Row]
    let summary: String
    let emptyText: String
    let page: Int
    let pageCount: Int
    let previousHref: String?
    let nextHref: String?
}

/// The new-consumer and edit-consumer form.
struct ConsumerFormView {
    /// The Credentials part of the edit form.
    struct Credentials {
        let key: String
        let created: String
        let createdISO: String
        let rotateAction: String
        let deleteHref: String
    }

    let chrome: ConsoleChrome
    let heading: String
    let isNew: Bool
    let action: String
    let submitLabel: String
    let name: String
    let description: String
    let grantTypes: [OptionView]
    let grantTypeLabel: String
    let showsRedirect: Bool
    let redirectURI: String
    let groups: [OptionView]
    let hubEnabled: Bool
    let hasErrors: Bool
    /// The refused fields by form field (`name`, `grant_type`, ...).
    let errors: [String: [ErrorLine]]
    /// Refused fields the form does not show.
    let otherErrors: [ErrorLine]
    let credentials: Credentials?
}

/// The Credentials panel: key, secret (once) and creation date.
struct CredentialsView {
    let chrome: ConsoleChrome
    let name: String
    let key: String
    let secret: String?
    let created: String
    let createdISO: String
    let editHref: String
    let rotateAction: String
}

/// The confirmation page of a consumer delete.
struct ConsumerDeleteView {
    let chrome: ConsoleChrome
    let name: String
    let key: String
    let groupName: String
    let isBootstrap: Bool
    let action: String
    let cancelHref: String
}

// MARK: Permission groups

/// The permission groups table.
struct GroupListView {
    struct Row {
        let name: String
        let description: String?
        let isDefault: Bool
        let permissionCount: Int
        let accountsCount: Int
        let consumerCount: Int
        let editHref: String
        let deleteHref: String
    }

    let chrome: ConsoleChrome
    let rows: [Row]
    let summary: String
}

/// The new-group and edit-group form, with the catalog as checkboxes.
struct GroupFormView {
    /// One module of the catalog: a row of checkboxes, one per action column.
    struct Module {
        let name: String
        let label: String
        let cells: [Cell]
    }

    /// One action of a module; `code` is nil where the module lacks the action (reports).
    struct Cell {
        let code: String?
        let description: String
        let checked: Bool
    }

    let chrome: ConsoleChrome
    let heading: String
    let isNew: Bool
    let action: String
    let submitLabel: String
    let name: String
    let description: String
    let isDefault: Bool
    let actions: [String]
    let modules: [Module]
    let hasErrors: Bool
    let errors: [String: [ErrorLine]]
    let otherErrors: [ErrorLine]
    let deleteHref: String?
}

/// The confirmation page of a group delete, which shows the server's 409 when it refuses.
struct GroupDeleteView {
    let chrome: ConsoleChrome
    let name: String
    let isDefault: Bool
    let accountsCount: Int
    let consumerNames: [String]
    let conflict: String?
    let action: String
    let cancelHref: String
}
