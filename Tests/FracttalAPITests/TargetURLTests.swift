@testable import FracttalAPI
import FracttalModel
import Foundation
import Testing

struct TargetURLTests {
    @Test(arguments: [
        "https://app.fracttal.com/api", "http://127.0.0.1:8080/api", "http://127.10.20.30/api",
        "http://localhost:9000/api", "http://LOCALHOST/api", "http://[::1]:8080/api", "http://[0:0:0:0:0:0:0:1]/api",
    ])
    func acceptsHTTPSAndLoopbackHTTP(_ url: String) throws {
        _ = try TargetURL.validated(url, role: .baseURL)
    }

    @Test(arguments: ["http://example.com/api", "http://128.0.0.1/api", "http://10.0.0.1/api", "http://[::2]/api", "http://127.0.0.1.example.com/api"])
    func refusesPlainHTTPToOtherHosts(_ url: String) {
        #expect(throws: FracttalAPIError.insecureURL(role: .baseURL, url: url)) {
            try TargetURL.validated(url, role: .baseURL)
        }
    }

    @Test(arguments: ["ftp://example.com/api", "app.fracttal.com/api", "https://", "not a url"])
    func refusesOtherSchemesAndMissingHosts(_ url: String) {
        #expect(throws: FracttalAPIError.invalidURL(role: .tokenURL, url: url)) {
            try TargetURL.validated(url, role: .tokenURL)
        }
    }

    @Test func dropsTrailingSlashes() throws {
        let url = try TargetURL.validated("https://app.fracttal.com/api/", role: .baseURL)
        #expect(url.absoluteString == "https://app.fracttal.com/api")
    }

    @Test func clientRefusesANonLoopbackHTTPURLBeforeConnecting() {
        let configuration = ClientConfiguration(
            baseURL: "http://fracttal.example.com/api", tokenURL: "https://one.fracttal.com/oauth/token",
            credentials: ClientCredentials(key: "k", secret: "s")
        )
        do {
            _ = try FracttalClient(configuration: configuration)
            Issue.record("the client accepted a plain http URL to a remote host")
        } catch {
            #expect("\(error)" == "The API base URL (--base-url, FRACTTAL_BASE_URL) 'http://fracttal.example.com/api' uses plain http, which is allowed only for a loopback host (127.0.0.0/8, ::1, localhost): use an https:// URL.")
        }
    }

    @Test func clientRefusesANonLoopbackHTTPTokenURL() {
        let configuration = ClientConfiguration(
            baseURL: "https://app.fracttal.com/api", tokenURL: "http://one.fracttal.com/oauth/token",
            credentials: ClientCredentials(key: "k", secret: "s")
        )
        #expect(throws: FracttalAPIError.insecureURL(role: .tokenURL, url: "http://one.fracttal.com/oauth/token")) {
            _ = try FracttalClient(configuration: configuration)
        }
    }
}
