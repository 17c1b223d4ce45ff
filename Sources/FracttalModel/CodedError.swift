/// An error a user can meet outside the configuration and the plan (applying, the command line), with
/// the stable code printed after its sentence.
public protocol CodedError: Error {
    /// Which kind of failure it is, such as `FRC301`; listed in docs/diagnostics.md.
    var code: Diagnostic.Code { get }
}
