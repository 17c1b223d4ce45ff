import Foundation

/// The one reader and writer of RFC 3339 instants (`2026-11-01T00:00:00Z`, `2026-11-01T02:00:00.5+02:00`),
/// shared by the configuration, the API client and saved plans.
///
/// The reader is strict: a real calendar date (no February 30), a time of day with a second below 60
/// (no leap second), an uppercase `T` between them, optional fractional seconds with at least one digit,
/// and `Z` or a `±hh:mm` offset of at most 14 hours. Lowercase `t` and `z`, which RFC 3339 tolerates,
/// are refused: nothing we read writes them, and a single spelling keeps plans and logs greppable.
/// Dates are proleptic Gregorian, years 0000 to 9999.
public enum RFC3339 {
    /// Why a text is not an instant, so that a caller can say what would be right.
    public enum Problem: Error, Equatable, Sendable {
        /// A valid calendar date with nothing after it.
        case dateOnly
        /// A valid date and time with no UTC offset.
        case noOffset
        /// Anything else.
        case invalid
    }

    /// How many digits of a second the writer shows.
    public enum FractionalSeconds: Sendable {
        /// Always three digits, as the API client sends: `2024-05-09T14:03:11.000Z`.
        case milliseconds
        /// Three digits only when the instant is not a whole second, as plans are saved: `2024-05-09T14:03:11Z`.
        case millisecondsWhenPresent
    }

    /// The largest UTC offset accepted, in minutes: real zones lie between -12:00 and +14:00.
    static let maximumOffsetMinutes = 14 * 60

    /// The instant the text names, or why it names none.
    public static func parse(_ text: String) -> Result<Date, Problem> {
        // Read in place: a full read of the API decodes tens of thousands of instants.
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return parse(&reader)
        }
    }

    private static func parse(_ reader: inout Reader) -> Result<Date, Problem> {
        guard let year = reader.number(digits: 4), reader.skip("-"),
              let month = reader.number(digits: 2), reader.skip("-"),
              let day = reader.number(digits: 2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else {
            return .failure(.invalid)
        }
        if reader.atEnd { return .failure(.dateOnly) }
        guard reader.skip("T"),
              let hour = reader.number(digits: 2), reader.skip(":"),
              let minute = reader.number(digits: 2), reader.skip(":"),
              let second = reader.number(digits: 2),
              hour < 24, minute < 60, second < 60 else {
            return .failure(.invalid)
        }
        var fraction = 0.0
        if reader.skip(".") {
            var digits = 0
            var value = 0
            while let digit = reader.digit() {
                // Beyond 18 digits nothing a Date can hold changes; the rest are read and ignored.
                if digits < 18 { value = value * 10 + digit }
                digits += 1
            }
            guard digits > 0 else { return .failure(.invalid) }
            fraction = Double(value) / pow(10, Double(min(digits, 18)))
        }
        if reader.atEnd { return .failure(.noOffset) }
        var offsetSeconds = 0
        if !reader.skip("Z") {
            let sign: Int
            if reader.skip("+") { sign = 1 } else if reader.skip("-") { sign = -1 } else { return .failure(.invalid) }
            guard let offsetHour = reader.number(digits: 2), reader.skip(":"),
                  let offsetMinute = reader.number(digits: 2), offsetMinute < 60,
                  offsetHour * 60 + offsetMinute <= maximumOffsetMinutes else {
                return .failure(.invalid)
            }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        }
        guard reader.atEnd else { return .failure(.invalid) }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return .success(Date(timeIntervalSince1970: Double(seconds) + fraction))
    }

    /// The instant the text names, or nil; for callers that need no reason.
    public static func date(from text: String) -> Date? {
        try? parse(text).get()
    }

    /// The instant in UTC with a `Z`, milliseconds truncated (never rounded up into the next second).
    public static func string(from date: Date, fractionalSeconds: FractionalSeconds) -> String {
        // Foundation's formatters count from 2001, where a Date keeps its value; so do we, to write the same digits.
        let interval = date.timeIntervalSinceReferenceDate
        let wholeSeconds = interval.rounded(.down)
        let milliseconds = Int(((interval - wholeSeconds) * 1000).rounded(.down))
        let total = Int(wholeSeconds) + Int(Date.timeIntervalBetween1970AndReferenceDate)
        let isWholeSecond = date.timeIntervalSince1970.rounded(.down) == date.timeIntervalSince1970
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondOfDay = total - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        var text = "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
        text += "T\(padded(secondOfDay / 3600, 2)):\(padded(secondOfDay / 60 % 60, 2)):\(padded(secondOfDay % 60, 2))"
        switch fractionalSeconds {
        case .milliseconds:
            text += ".\(padded(milliseconds, 3))"
        case .millisecondsWhenPresent where !isWholeSecond:
            text += ".\(padded(milliseconds, 3))"
        case .millisecondsWhenPresent:
            break
        }
        return text + "Z"
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the date in the proleptic Gregorian calendar (H. Hinnant's `days_from_civil`).
    public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date that many days from 1970-01-01 (H. Hinnant's `civil_from_days`).
    private static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Reads ASCII digits and punctuation from the front of the text's UTF-8 bytes.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int? {
            guard index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
            index += 1
            return Int(bytes[index - 1] - 0x30)
        }

        mutating func number(digits: Int) -> Int? {
            var value = 0
            for _ in 0..<digits {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }
    }
}
