import FracttalTestSupport
import Logging

/// Collects every log line (message and metadata) at every level, to search it afterwards.
final class LogCapture: Sendable {
    private let lines = Locked<[String]>([])

    /// A logger that writes here, at trace level.
    func logger() -> Logger {
        var logger = Logger(label: "fracttal.api.test") { _ in Handler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    /// Everything logged so far, one line per record.
    var text: String { lines.value.joined(separator: "\n") }

    fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            capture.append("\(event.level) \(event.message) \(fields)")
        }
    }
}
