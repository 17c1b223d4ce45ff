import FracttalModel
import FracttalAPI
import Testing

struct FracttalAPIErrorTests {
    @Test func invalidClientNamesTheEnvironmentVariables() {
        let text = FracttalAPIError.invalidClient(key: "NBqgHRjWA7j1KqLITd").description
        #expect(text.contains("FRACTTAL_CLIENT_ID"))
        #expect(text.contains("FRACTTAL_CLIENT_SECRET"))
        #expect(text.contains("NBqgHRjWA7j1KqLITd"))
    }

    @Test func forbiddenNamesThePermissionAndTheGroup() {
        let text = FracttalAPIError.forbidden(
            operation: "create group \"Ops\"", message: "missing permission security:create",
            consumerKey: "NBqgHRjWA7j1KqLITd", group: "Integrations"
        ).description
        #expect(text == "Could not create group \"Ops\": the server answered 403 (missing permission security:create), so give that permission to the permission group \"Integrations\" of the consumer 'NBqgHRjWA7j1KqLITd' that FRACTTAL_CLIENT_ID names, then run again.")
    }

    @Test func invalidRequestListsEveryField() {
        let text = FracttalAPIError.invalidRequest(
            operation: "create group \"Ops\"", message: "invalid body",
            fields: [.init(field: "name", message: "must not be empty"), .init(field: "permissions", message: "unknown code foo:bar")]
        ).description
        #expect(text == "The server refused to create group \"Ops\": name: must not be empty; permissions: unknown code foo:bar.")
    }

    @Test func everyDescriptionIsOneSentence() {
        let errors: [FracttalAPIError] = [
            .invalidURL(role: .baseURL, url: "ftp://x"), .insecureURL(role: .tokenURL, url: "http://x/oauth/token"),
            .invalidClient(key: "k"), .tokenRequestRefused(error: "unsupported_grant_type", tokenURL: "https://x/oauth/token"),
            .tokenRejected(operation: "read the OAuth consumers"),
            .forbidden(operation: "delete group 4", message: "missing security:delete", consumerKey: "k", group: nil),
            .invalidRequest(operation: "update group \"a\" (id 3)", message: "bad", fields: []),
            .notFound(operation: "delete group 4", object: "group 4"),
            .conflict(operation: "delete group 4", message: "the group is used by consumer \"erp\" (key k)"),
            .rateLimitExhausted(operation: "read the permission groups", answers: 21),
            .serverError(operation: "create group \"a\"", status: 503, message: "unavailable", attempts: 6),
            .unreachable(operation: "obtain an access token", url: "http://127.0.0.1:9/oauth/token", reason: "connection refused", attempts: 6),
            .listKeptChanging(list: "OAuth consumers", reads: 6),
            .unexpectedResponse(operation: "read the permission groups", detail: "HTTP 418"),
        ]
        for error in errors {
            let text = error.description
            #expect(text.first?.isUppercase == true, "\(text)")
            #expect(text.hasSuffix("."), "\(text)")
            #expect(!text.dropLast().contains(". "), "\(text)")
            #expect(!text.contains("\n"), "\(text)")
        }
    }

    @Test func credentialsNeverShowTheSecret() {
        let credentials = ClientCredentials(key: "NBqgHRjWA7j1KqLITd", secret: "s3cr3tS3CR3Ts3cr3tS3CR3Ts3cr3tAB")
        #expect(!"\(credentials)".contains(credentials.secret))
        #expect(!String(reflecting: credentials).contains(credentials.secret))
    }
}
