import Foundation
import Logging

/// The logger commands hand to the API client: silent unless `FRACTTAL_LOG_LEVEL` asks for more.
enum CommandLogger {
    /// A logger writing to standard error at the level `FRACTTAL_LOG_LEVEL` names (default: warning).
    static func make() -> Logger {
        let environment = CommandContext.current.environment
        var logger = Logger(label: "fracttal") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = environment["FRACTTAL_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return logger
    }
}
