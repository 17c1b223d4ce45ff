@testable import FracttalAPI
import Foundation
import Testing

/// The generated client's transcoder: the model's reader and writer, in the runtime's shape.
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

    /// Since the one reader: no February 30, no leap second, no lowercase `t` or space between date and time.
    @Test(arguments: [
        "2024-05-09", "2024-05-09T14:03:11", "2024-05-09T14:03:11.Z", "2024-13-09T14:03:11Z", "2024-05-09T14:03:11Zjunk", "",
        "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2016-12-31T23:59:60Z", "2024-05-09t14:03:11Z", "2024-05-09 14:03:11Z",
    ])
    func refusesOtherText(_ text: String) {
        #expect(throws: DecodingError.self) { try RFC3339DateTranscoder().decode(text) }
    }

    @Test func writesUTCWithMilliseconds() throws {
        let transcoder = RFC3339DateTranscoder()
        #expect(try transcoder.encode(Date(timeIntervalSince1970: 1_715_263_391)) == "2024-05-09T14:03:11.000Z")
        #expect(try transcoder.encode(Date(timeIntervalSince1970: 1_715_263_391.25)) == "2024-05-09T14:03:11.250Z")
    }

    @Test func writesWhatItReads() throws {
        let date = Date(timeIntervalSince1970: 1_715_263_391.25)
        let transcoder = RFC3339DateTranscoder()
        #expect(try transcoder.decode(try transcoder.encode(date)) == date)
    }
}
