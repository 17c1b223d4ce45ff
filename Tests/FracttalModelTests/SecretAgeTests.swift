import FracttalModel
import Foundation
import Testing

struct SecretAgeTests {
    @Test func parsesDaysAndHours() {
        #expect(SecretAge("90d")?.seconds == TimeInterval(90 * 86_400))
        #expect(SecretAge("12h")?.seconds == TimeInterval(12 * 3_600))
    }

    @Test(arguments: ["0d", "d", "90", "1.5d", "-1d", "90 d", "90m", "١d"])
    func refusesOtherText(_ text: String) {
        #expect(SecretAge(text) == nil)
    }

    @Test func credentialsNeverPrintTheSecret() {
        let credentials = ConsumerCredentials(key: "NBqgHRjWA7j1KqLITd", secret: "s3cr3tS3CR3Ts3cr3tS3CR3Ts3cr3t12")
        #expect(!"\(credentials)".contains("s3cr3t"))
        #expect(!String(reflecting: credentials).contains("s3cr3t"))
    }
}
