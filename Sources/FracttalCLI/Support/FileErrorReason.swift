import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file error in a few words that fit inside a sentence: the system's own reason
/// (`No such file or directory`) when there is one, else Foundation's text without its full stop.
enum FileErrorReason {
    /// The reason `error` gives, with no trailing full stop.
    static func of(_ error: any Error) -> String {
        let error = error as NSError
        for candidate in [error, error.userInfo[NSUnderlyingErrorKey] as? NSError] {
            if let candidate, candidate.domain == NSPOSIXErrorDomain {
                return String(cString: strerror(Int32(candidate.code)))
            }
        }
        var text = Substring(error.localizedDescription)
        while let last = text.last, last == "." || last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
