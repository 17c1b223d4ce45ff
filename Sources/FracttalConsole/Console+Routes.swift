import FracttalSandbox
import HTTPTypes
import Hummingbird

extension Console {
    /// Registers `/console` and its pages, behind the console's guard.
    func register(on router: Router<SandboxRequestContext>) {
        let pages = router.group(RouterPath(ConsolePaths.prefix), context: ConsoleRequestContext.self)
            .add(middleware: ConsoleGuardMiddleware(sessions: sessions, renderer: renderer))
        pages.get { _, _ in ConsoleResponses.seeOther(ConsolePaths.consumers) }
        pages.get("login") { _, context in try logIn(visit(context)) }
        pages.post("logout") { _, context in try logOut(visit(context)) }
        pages.get("static/console.css") { _, _ in
            ConsoleResponses.asset(ConsoleStylesheet.text, contentType: "text/css; charset=utf-8")
        }
        pages.get("static/console.js") { _, _ in
            ConsoleResponses.asset(ConsoleScript.text, contentType: "text/javascript; charset=utf-8")
        }

        pages.get("consumers") { _, context in try await consumerList(visit(context)) }
        pages.get("consumers/new") { _, context in try await newConsumer(visit(context)) }
        pages.post("consumers") { _, context in try await createConsumer(visit(context)) }
        pages.get("consumers/:key/edit") { _, context in try await editConsumer(visit(context), key(context)) }
        pages.post("consumers/:key") { _, context in try await updateConsumer(visit(context), key(context)) }
        pages.get("consumers/:key/credentials") { _, context in
            try await credentials(visit(context), key(context))
        }
        pages.post("consumers/:key/secret") { _, context in try await rotateSecret(visit(context), key(context)) }
        pages.get("consumers/:key/delete") { _, context in
            try await confirmConsumerDelete(visit(context), key(context))
        }
        pages.post("consumers/:key/delete") { _, context in
            try await deleteConsumer(visit(context), key(context))
        }

        pages.get("groups") { _, context in try await groupList(visit(context)) }
        pages.get("groups/new") { _, context in try await newGroup(visit(context)) }
        pages.post("groups") { _, context in try await createGroup(visit(context)) }
        pages.get("groups/:id/edit") { _, context in try await editGroup(visit(context), groupID(context)) }
        pages.post("groups/:id") { _, context in try await updateGroup(visit(context), groupID(context)) }
        pages.get("groups/:id/delete") { _, context in
            try await confirmGroupDelete(visit(context), groupID(context))
        }
        pages.post("groups/:id/delete") { _, context in try await deleteGroup(visit(context), groupID(context)) }

        for method: HTTPRequest.Method in [.get, .post] {
            pages.on("**", method: method) { _, context in
                notFound(
                    "The console has no page at this address.", session: context.visit?.session,
                    back: ConsoleLink(href: ConsolePaths.consumers, label: "OAuth Consumers")
                )
            }
        }
    }

    /// The login link: trades the one-time token for a session cookie, then shows the consumers.
    private func logIn(_ visit: ConsoleVisit) -> Response {
        if visit.session != nil { return ConsoleResponses.seeOther(ConsolePaths.consumers) }
        guard let session = sessions.logIn(token: visit.value("token") ?? "") else {
            return renderer.message(
                .forbidden, title: "This login link is used or wrong",
                "A login link works once. Open the console in the browser that used it, or stop the sandbox and start it again to get a new link."
            )
        }
        var response = ConsoleResponses.seeOther(ConsolePaths.consumers)
        response.headers[.setCookie] = ConsoleResponses.sessionCookie(session)
        return response
    }

    private func logOut(_ visit: ConsoleVisit) throws -> Response {
        sessions.logOut(try session(visit))
        var response = renderer.message(
            .ok, title: "Logged out",
            "This browser is signed out. The login link works once: restart the sandbox to get a new one."
        )
        response.headers[.setCookie] = ConsoleResponses.expiredSessionCookie
        return response
    }

    private func visit(_ context: ConsoleRequestContext) throws -> ConsoleVisit {
        guard let visit = context.visit else { throw HTTPError(.internalServerError) }
        return visit
    }

    private func key(_ context: ConsoleRequestContext) -> String {
        context.parameters.get("key") ?? ""
    }

    /// The group id of the path; nil when it is no integer (then no group has it).
    private func groupID(_ context: ConsoleRequestContext) -> Int64? {
        context.parameters.get("id").flatMap { Int64($0) }
    }
}
