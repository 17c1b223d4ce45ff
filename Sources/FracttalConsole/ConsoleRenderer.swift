import HTTPTypes
import Hummingbird
import Mustache

/// Renders the console's pages: a template of `ConsoleTemplate` filled from a view value of
/// `ConsoleViews`, HTML-escaped by Mustache's `{{ }}`.
struct ConsoleRenderer: Sendable {
    private let library: MustacheLibrary

    /// Parses every template; throws when one is malformed.
    init() throws {
        var library = MustacheLibrary()
        for template in ConsoleTemplate.allCases {
            try library.register(template.text, named: template.rawValue)
        }
        self.library = library
    }

    /// A page from a template and its view.
    func page(_ template: ConsoleTemplate, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        guard let text = library.render(view, withTemplate: template.rawValue) else {
            return ConsoleResponses.html("The console has no page \(template.rawValue).", status: .internalServerError)
        }
        return ConsoleResponses.html(text, status: status)
    }

    /// A page that says one thing, with the navigation of `session` when signed in.
    func message(
        _ status: HTTPResponse.Status, title: String, _ paragraphs: String..., session: ConsoleSession? = nil,
        link: ConsoleLink? = nil
    ) -> Response {
        page(
            .message,
            MessageView(
                chrome: ConsoleChrome(title: title, area: nil, session: session, notice: nil),
                heading: title, paragraphs: paragraphs, link: link
            ),
            status: status
        )
    }

    /// The page of a request without a session.
    func loginNeeded() -> Response {
        message(
            .forbidden, title: "Log in with the console's link",
            "This console opens with the login link that fracttal sandbox serve printed when it started (the line \"Console login URL\"). The link works once; it then keeps this browser signed in until the sandbox stops.",
            "If the link was used already (by another browser, or before a restart), stop the sandbox and start it again to get a new one."
        )
    }
}
