import FracttalModel
import Foundation
import OpenAPIRuntime

/// The generated client's dates, read and written by the model's one RFC 3339 reader and writer.
///
/// Reads with or without fractional seconds and with any offset (the runtime's own transcoders
/// accept only one of the two forms); writes UTC with milliseconds always, `2024-05-09T14:03:11.000Z`.
struct RFC3339DateTranscoder: DateTranscoder {
    func encode(_ date: Date) throws -> String {
        RFC3339.string(from: date, fractionalSeconds: .milliseconds)
    }

    func decode(_ text: String) throws -> Date {
        guard let date = RFC3339.date(from: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not an RFC 3339 timestamp: \(text)"))
        }
        return date
    }
}
