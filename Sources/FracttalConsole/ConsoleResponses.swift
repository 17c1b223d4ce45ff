import HTTPTypes
import Hummingbird
import NIOCore

/// The console's answers: HTML pages, redirects and static files, each with the headers that
/// keep a page that can issue credentials to itself.
enum ConsoleResponses {
    /// No inline script or style, no other origin, no framing, forms post only here.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// An HTML page.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text, contentType: "text/html; charset=utf-8", status: status)
    }

    /// A static file of the console.
    static func asset(_ text: String, contentType: String) -> Response {
        body(text, contentType: contentType, status: .ok)
    }

    /// `303 See Other`: where a form post goes on, so that reloading the page posts nothing again.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// Adds the security headers every console answer carries. Pages are never stored: they show
    /// keys, and right after an issue, a secret. The referrer policy is `same-origin`, not
    /// `no-referrer`, under which a browser sends `Origin: null` with the console's own forms.
    static func secure(_ response: inout Response) {
        response.headers[.contentSecurityPolicy] = contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[ConsoleHeaders.frameOptions] = "DENY"
        response.headers[ConsoleHeaders.referrerPolicy] = "same-origin"
        response.headers[ConsoleHeaders.openerPolicy] = "same-origin"
        response.headers[.cacheControl] = "no-store"
    }

    /// The `Set-Cookie` value of a session: sent back to `/console` only, never to scripts, and
    /// never on a request that another site starts.
    static func sessionCookie(_ session: ConsoleSession) -> String {
        "\(ConsolePaths.sessionCookie)=\(session.id); Path=/\(ConsolePaths.prefix); HttpOnly; SameSite=Strict"
    }

    /// The `Set-Cookie` value that ends a session in the browser.
    static let expiredSessionCookie =
        "\(ConsolePaths.sessionCookie)=; Path=/\(ConsolePaths.prefix); Max-Age=0; HttpOnly; SameSite=Strict"

    private static func body(_ text: String, contentType: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: contentType],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}

/// Header names the console reads or writes that HTTPTypes does not name.
enum ConsoleHeaders {
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let openerPolicy = HTTPField.Name("Cross-Origin-Opener-Policy")!
    /// Which site started a request, as the browser tells it (`same-origin`, `cross-site`, ...).
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!
}
