import Foundation
@testable import FracttalSandbox
import Testing

@Suite struct RFC3339TranscoderTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (1_715_263_391.0, "2024-05-09T14:03:11Z"),
        (1_709_251_199.999, "2024-02-29T23:59:59Z"),
        (4_102_444_800.0, "2100-01-01T00:00:00Z"),
    ])
    func writesWholeSecondsInUTC(seconds: Double, text: String) throws {
        let transcoder = RFC3339Transcoder()
        #expect(try transcoder.encode(Date(timeIntervalSince1970: seconds)) == text)
        #expect(try transcoder.decode(text) == Date(timeIntervalSince1970: seconds.rounded(.down)))
    }
}
