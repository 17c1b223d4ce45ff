import FracttalModel
import Foundation
import Testing

/// The one RFC 3339 reader and writer, at its edges.
struct RFC3339Tests {
    @Test(arguments: [
        ("2026-11-01T00:00:00Z", 1_793_491_200.0),
        ("2026-11-01T02:00:00+02:00", 1_793_491_200.0),
        ("2026-10-31T19:30:00-04:30", 1_793_491_200.0),
        ("2026-11-01T00:00:00-00:00", 1_793_491_200.0),
        ("2026-11-01T14:00:00+14:00", 1_793_491_200.0),
        ("2026-10-31T10:00:00-14:00", 1_793_491_200.0),
        ("2026-11-01T00:00:00.25Z", 1_793_491_200.25),
        ("2026-11-01T00:00:00.5+00:00", 1_793_491_200.5),
        ("2026-11-01T00:00:00.250000000000000000000Z", 1_793_491_200.25),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
        ("2000-02-29T00:00:00Z", 951_782_400.0),
        ("1900-02-28T23:59:59Z", -2_203_891_201.0),
        ("1900-03-01T00:00:00Z", -2_203_891_200.0),
        ("1970-01-01T00:00:00Z", 0.0),
        ("1969-12-31T23:59:59Z", -1.0),
        ("2024-12-31T23:59:59Z", 1_735_689_599.0),
    ])
    func readsInstants(_ text: String, _ seconds: Double) throws {
        #expect(try RFC3339.parse(text).get() == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: [
        ("2026-11-01", RFC3339.Problem.dateOnly),
        ("2024-02-29", .dateOnly),
        ("2026-11-01T00:00:00", .noOffset),
        ("2026-11-01T00:00:00.123", .noOffset),
        ("2025-02-29T00:00:00Z", .invalid),
        ("1900-02-29T00:00:00Z", .invalid),
        ("2024-02-30T00:00:00Z", .invalid),
        ("2024-04-31T00:00:00Z", .invalid),
        ("2024-00-10T00:00:00Z", .invalid),
        ("2024-01-00T00:00:00Z", .invalid),
        ("2026-13-01", .invalid),
        ("2016-12-31T23:59:60Z", .invalid),
        ("2026-11-01T24:00:00Z", .invalid),
        ("2026-11-01T00:60:00Z", .invalid),
        ("2026-11-01t00:00:00Z", .invalid),
        ("2026-11-01T00:00:00z", .invalid),
        ("2026-11-01 00:00:00Z", .invalid),
        ("2026-11-01T00:00:00+0200", .invalid),
        ("2026-11-01T00:00:00+02", .invalid),
        ("2026-11-01T00:00:00+14:01", .invalid),
        ("2026-11-01T00:00:00-15:00", .invalid),
        ("2026-11-01T00:00:00+02:60", .invalid),
        ("2026-11-01T00:00:00.Z", .invalid),
        ("2026-11-01T00:00:00,5Z", .invalid),
        ("2026-11-01T00:00:00ZZ", .invalid),
        ("2026-11-01T00:00:00Z ", .invalid),
        ("26-11-01T00:00:00Z", .invalid),
        ("２０２６-11-01T00:00:00Z", .invalid),
        ("", .invalid),
    ])
    func refusesOtherText(_ text: String, _ problem: RFC3339.Problem) {
        guard case .failure(let found) = RFC3339.parse(text) else {
            Issue.record("\(text) parsed")
            return
        }
        #expect(found == problem)
        #expect(RFC3339.date(from: text) == nil)
    }

    @Test func writesWholeSecondsOrMilliseconds() {
        let whole = Date(timeIntervalSince1970: 1_715_263_391)
        let quarter = Date(timeIntervalSince1970: 1_715_263_391.25)
        #expect(RFC3339.string(from: whole, fractionalSeconds: .millisecondsWhenPresent) == "2024-05-09T14:03:11Z")
        #expect(RFC3339.string(from: quarter, fractionalSeconds: .millisecondsWhenPresent) == "2024-05-09T14:03:11.250Z")
        #expect(RFC3339.string(from: whole, fractionalSeconds: .milliseconds) == "2024-05-09T14:03:11.000Z")
        #expect(RFC3339.string(from: quarter, fractionalSeconds: .milliseconds) == "2024-05-09T14:03:11.250Z")
    }

    @Test func writesTruncatedMillisecondsAndDatesBefore1970() {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 0.9996), fractionalSeconds: .milliseconds) == "1970-01-01T00:00:00.999Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: -0.5), fractionalSeconds: .milliseconds) == "1969-12-31T23:59:59.500Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 951_782_400), fractionalSeconds: .milliseconds) == "2000-02-29T00:00:00.000Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: -2_203_891_200), fractionalSeconds: .millisecondsWhenPresent) == "1900-03-01T00:00:00Z")
    }

    /// The writer gives the digits Foundation's ISO 8601 format style gave before it, which plans and requests used.
    @Test func writesWhatFoundationWrote() {
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: Double.random(in: -2_000_000_000...4_000_000_000, using: &generator))
            #expect(RFC3339.string(from: date, fractionalSeconds: .milliseconds) == date.formatted(withFraction))
        }
    }

    @Test func readsWhatItWrites() throws {
        for seconds in [0.0, 1_715_263_391, 1_715_263_391.25, -86_400.5, 951_782_400] {
            let date = Date(timeIntervalSince1970: seconds)
            for precision in [RFC3339.FractionalSeconds.milliseconds, .millisecondsWhenPresent] {
                #expect(try RFC3339.parse(RFC3339.string(from: date, fractionalSeconds: precision)).get() == date)
            }
        }
    }
}
