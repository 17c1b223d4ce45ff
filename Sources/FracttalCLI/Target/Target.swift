/// The Fracttal company a command talks to.
enum Target: Equatable {
    /// A real (or user-run) Fracttal API reached over the network.
    case remote(baseURL: String, tokenURL: String)
    /// The embedded sandbox stored at this path, served in-process on a loopback port.
    case embeddedSandbox(dataPath: String)

    /// How plans and the first line of `plan` and `apply` name the target:
    /// the API base URL, or `sandbox:PATH`.
    var name: String {
        switch self {
        case .remote(let baseURL, _): baseURL
        case .embeddedSandbox(let dataPath): "sandbox:\(dataPath)"
        }
    }
}
