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
    /// The digest (FNV-1a, 16 hex digits) of every file's path and exact bytes in read order, each
    /// followed by a zero byte; a plan records it. Computed as the files are read, so their bytes go
    /// as soon as each is.
    public var digest: String

    /// Takes the parts as they are: the loader, not this initializer, sorts the diagnostics.
    public init(state: DesiredState, diagnostics: [Diagnostic], files: [ConfigurationFile], digest: String) {
        self.state = state
        self.diagnostics = diagnostics
        self.files = files
        self.digest = digest
    }

}
