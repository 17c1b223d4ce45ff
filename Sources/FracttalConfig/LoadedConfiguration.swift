import FracttalModel

/// What loading configuration files produced: the desired state, every problem, and the files read.
public struct LoadedConfiguration: Sendable {
    /// As much of the desired state as could be read, even when there are errors. Objects without a
    /// usable name (consumers also without a usable `permission_group`) and repeated names are left out.
    public var state: DesiredState
    /// Errors and warnings, sorted by location (diagnostics without a place, such as a missing path, first).
    public var diagnostics: [Diagnostic]
    /// Every file read, in read order.
    public var files: [ConfigurationFile]

    /// Takes the parts as they are: the loader, not this initializer, sorts the diagnostics.
    public init(state: DesiredState, diagnostics: [Diagnostic], files: [ConfigurationFile]) {
        self.state = state
        self.diagnostics = diagnostics
        self.files = files
    }

}
