@testable import FracttalAPI
import Foundation
import Testing

struct RFC3339DateTranscoderTests {
    @Test func readsWholeSeconds() throws {
        let date = try RFC3339DateTranscoder().decode("2024-05-09T14:03:11Z")
        #expect(date == Date(timeIntervalSince1970: 1_715_263_391))
    }

    @Test func readsFractionalSeconds() throws {
        let date = try RFC3339DateTranscoder().decode("2024-05-09T14:03:11.250Z")
        #expect(date == Date(timeIntervalSince1970: 1_715_263_391.25))
    }

    @Test func readsOffsets() throws {
        let date = try RFC3339DateTranscoder().decode("2024-05-09T10:03:11-04:00")
        #expect(date == Date(timeIntervalSince1970: 1_715_263_391))
        let east = try RFC3339DateTranscoder().decode("2024-05-09T16:33:11.5+02:30")
        #expect(east == Date(timeIntervalSince1970: 1_715_263_391.5))
    }

    @Test func readsDatesBeforeMarchAndLeapDays() throws {
        #expect(try RFC3339DateTranscoder().decode("2024-02-29T00:00:00Z") == Date(timeIntervalSince1970: 1_709_164_800))
        #expect(try RFC3339DateTranscoder().decode("1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
        #expect(try RFC3339DateTranscoder().decode("2000-01-01T00:00:00Z") == Date(timeIntervalSince1970: 946_684_800))
    }

    @Test(arguments: ["2024-05-09", "2024-05-09T14:03:11", "2024-05-09T14:03:11.Z", "2024-13-09T14:03:11Z", "2024-05-09T14:03:11Zjunk", ""])
    func refusesOtherText(_ text: String) {
        #expect(throws: DecodingError.self) { try RFC3339DateTranscoder().decode(text) }
    }

    @Test func writesWhatItReads() throws {
        let date = Date(timeIntervalSince1970: 1_715_263_391.25)
        let transcoder = RFC3339DateTranscoder()
        #expect(try transcoder.decode(try transcoder.encode(date)) == date)
    }
}
