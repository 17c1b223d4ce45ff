import Foundation

/// The text of a configuration file: its bytes, checked to be UTF-8, without any byte-order mark.
///
/// The bytes are the file's own (a slice of them, not a copy); the text as a `String` is made only
/// when a message needs it, so that a large file is not held twice while it is read.
struct SourceText {
    /// Where the first invalid UTF-8 byte lies.
    struct InvalidUTF8: Error {
        /// The byte's 0-based offset in the file.
        var byteOffset: Int
        /// Its 1-based line.
        var line: Int
        /// Its 1-based column, in Unicode scalars.
        var column: Int
    }

    /// The UTF-8 bytes of the text, without a leading byte-order mark.
    let bytes: Data

    /// The text; made anew at each call.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Checks UTF-8 bytes; a leading byte-order mark is dropped so columns on line 1 stay right.
    static func decode(_ data: Data) -> Result<SourceText, InvalidUTF8> {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let skip = data.starts(with: bom) ? bom.count : 0
        let body = data.dropFirst(skip)
        if isUTF8(body) {
            return .success(SourceText(bytes: body))
        }
        return .failure(locateInvalidByte(in: Array(data), from: skip))
    }

    /// Whether the bytes are UTF-8, checked where they are (no copy is made).
    private static func isUTF8(_ bytes: Data) -> Bool {
        guard #available(macOS 26, *) else { return String(validating: bytes, as: UTF8.self) != nil }
        return bytes.withUnsafeBytes { raw in
            (try? UTF8Span(validating: raw.bindMemory(to: UInt8.self).span)) != nil
        }
    }

    /// Finds the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF).
    private static func locateInvalidByte(in bytes: [UInt8], from start: Int) -> InvalidUTF8 {
        var index = start
        var line = 1
        var column = 1
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return InvalidUTF8(byteOffset: index, line: line, column: column)
            }
            for offset in 1..<length {
                let position = index + offset
                guard position < bytes.count else { return InvalidUTF8(byteOffset: index, line: line, column: column) }
                let continuation = bytes[position]
                let (low, high) = offset == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                guard continuation >= low, continuation <= high else {
                    return InvalidUTF8(byteOffset: index, line: line, column: column)
                }
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        // Unreachable when the standard library refused the bytes; answer the end rather than trap.
        return InvalidUTF8(byteOffset: bytes.count, line: line, column: column)
    }
}
