import FracttalSandbox
import HTTPTypes
import Hummingbird
import NIOCore

/// The console's door, in front of every `/console` route: it serves this machine only, needs
/// a session on every page but the login link and the static files, refuses a form post from
/// another origin or without the session's CSRF token, and puts the security headers on every
/// answer.
struct ConsoleGuardMiddleware: RouterMiddleware {
    typealias Context = ConsoleRequestContext

    let sessions: ConsoleSessions
    let renderer: ConsoleRenderer

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await admit(request, context: context, next: next)
        } catch {
            response = renderer.message(
                .internalServerError, title: "Something went wrong",
                "The sandbox could not finish this request: \(error). Try again; if it persists, restart the sandbox."
            )
        }
        ConsoleResponses.secure(&response)
        return response
    }

    private func admit(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard Self.isFromThisMachine(request, context: context) else {
            return renderer.message(
                .forbidden, title: "This console serves this machine only",
                "Open it on the machine that runs the sandbox, at the 127.0.0.1 address that fracttal sandbox serve printed."
            )
        }
        var request = request
        let form: FormBody
        if request.method == .post {
            guard Self.isSameOrigin(request) else {
                return renderer.message(
                    .forbidden, title: "Form refused",
                    "This form was sent from another site, which the console never accepts. Open the console's own page and send it from there."
                )
            }
            do {
                form = FormBody(String(buffer: try await request.collectBody(upTo: BodyLimitMiddleware.maxBytes)))
            } catch is NIOTooManyBytesError {
                return renderer.message(
                    .contentTooLarge, title: "Form too large",
                    "The form is larger than 1 MiB; no field of the console needs that much. Shorten what you typed and send it again."
                )
            }
        } else {
            form = FormBody(request.uri.query ?? "")
        }
        let session = request.cookies[ConsolePaths.sessionCookie].flatMap { sessions.session(id: $0.value) }
        if !ConsolePaths.isOpen(request.uri.path) {
            guard let session else { return renderer.loginNeeded() }
            if request.method == .post,
                !ConsoleSessions.sameText(form.values(of: ConsolePaths.csrfField).first ?? "", session.csrfToken)
            {
                return renderer.message(
                    .forbidden, title: "Form expired",
                    "This form does not carry the token of your session (it may come from an older session). Open the page again and send the form from there."
                )
            }
        }
        var context = context
        context.visit = ConsoleVisit(session: session, form: form)
        return try await next(request, context)
    }

    /// Whether the peer is a loopback address and the `Host` names a loopback host, so that the
    /// console stays on this machine even with `--allow-remote`, and a rebound DNS name cannot
    /// reach it.
    static func isFromThisMachine(_ request: Request, context: Context) -> Bool {
        guard let peer = context.peer?.ipAddress, LoopbackHost.contains(peer),
            let authority = request.head.authority
        else { return false }
        return LoopbackHost.contains(hostName(of: authority))
    }

    /// The host of a `Host` value: `127.0.0.1:8787` → `127.0.0.1`, `[::1]:8787` → `::1`.
    static func hostName(of authority: String) -> String {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<end])
        }
        return String(authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// Whether a form post comes from the console's own pages, by the browser's word
    /// (`Sec-Fetch-Site`, `Origin`); a client that sends neither is judged by the CSRF token alone.
    static func isSameOrigin(_ request: Request) -> Bool {
        if let site = request.headers[ConsoleHeaders.fetchSite], site != "same-origin" { return false }
        if let origin = request.headers[.origin] {
            guard let authority = request.head.authority else { return false }
            return origin == "http://\(authority)"
        }
        return true
    }
}
