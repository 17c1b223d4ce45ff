import Foundation
import OpenAPIRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes dates as RFC 3339 UTC in whole seconds (`2024-05-09T14:03:11Z`) without a date
/// formatter, which was the main cost of a page of 100 consumers; reads them with the
/// runtime's ISO 8601 transcoder.
struct RFC3339Transcoder: DateTranscoder {
    func encode(_ date: Date) throws -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
    }

    func decode(_ text: String) throws -> Date { try ISO8601DateTranscoder.iso8601.decode(text) }
}
