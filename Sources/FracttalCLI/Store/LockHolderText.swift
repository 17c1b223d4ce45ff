import Foundation

/// How an apply describes itself as the holder of a store's lock: user@host, process id, and the CI
/// run's URL when the CI's own variables give one.
enum LockHolderText {
    /// `user@host pid N`, then ` CI-RUN-URL` when known.
    static func make() -> String {
        let environment = CommandContext.current.environment
        let user = environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
        var text = "\(user)@\(ProcessInfo.processInfo.hostName) pid \(ProcessInfo.processInfo.processIdentifier)"
        if let run = ciRunURL(environment) { text += " \(run)" }
        return text
    }

    /// The URL of the CI run: GitHub Actions' or GitLab's, from their own variables.
    private static func ciRunURL(_ environment: [String: String]) -> String? {
        if let server = environment["GITHUB_SERVER_URL"], let repository = environment["GITHUB_REPOSITORY"],
           let run = environment["GITHUB_RUN_ID"] {
            return "\(server)/\(repository)/actions/runs/\(run)"
        }
        return environment["CI_JOB_URL"] ?? environment["CI_PIPELINE_URL"]
    }
}
