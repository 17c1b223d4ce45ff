import HTTPTypes
import Hummingbird
import NIOCore

/// A reverse proxy's error page, as nginx writes it: `text/html`, no JSON envelope and no
/// rate-limit headers. Thrown by the fault middleware, it passes through the `/api` middleware
/// unanswered and the router writes it, as if the proxy in front of the API had answered.
struct GatewayPage: HTTPResponseError {
    /// 502 Bad Gateway or 504 Gateway Time-out.
    let status: HTTPResponse.Status

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let title = "\(status.code) \(status == .gatewayTimeout ? "Gateway Time-out" : status.reasonPhrase)"
        let html = """
            <html>\r
            <head><title>\(title)</title></head>\r
            <body>\r
            <center><h1>\(title)</h1></center>\r
            <hr><center>nginx</center>\r
            </body>\r
            </html>\r

            """
        return Response(
            status: status,
            headers: [.contentType: "text/html"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }
}
