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
        if error.domain == NSCocoaErrorDomain, let code = posixCode(of: CocoaError.Code(rawValue: error.code)) {
            return String(cString: strerror(code))
        }
        var text = Substring(error.localizedDescription)
        let generic = "The operation could not be completed. "
        if text.hasPrefix(generic), text.count > generic.count { text = text.dropFirst(generic.count) }
        while let last = text.last, last == "." || last.isWhitespace { text = text.dropLast() }
        return String(text)
    }

    /// The POSIX error a Foundation file error stands for, when it names one (Foundation on Linux
    /// reports a missing file as `fileReadNoSuchFile` without the POSIX error underneath).
    private static func posixCode(of code: CocoaError.Code) -> Int32? {
        switch code {
        case .fileReadNoSuchFile, .fileNoSuchFile: ENOENT
        case .fileReadNoPermission, .fileWriteNoPermission: EACCES
        case .fileWriteOutOfSpace: ENOSPC
        case .fileWriteVolumeReadOnly: EROFS
        case .fileWriteFileExists: EEXIST
        default: nil
        }
    }
}
