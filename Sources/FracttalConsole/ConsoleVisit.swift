import FracttalSandbox

/// What the console's guard learned about a request, for the page behind it: who is signed in
/// and the form fields (the query of a GET, the body of a POST).
struct ConsoleVisit: Sendable {
    /// The signed-in session; nil only on the open paths (login, static files).
    let session: ConsoleSession?
    let form: FormBody

    /// The first value given for `name`, if any.
    func value(_ name: String) -> String? { form.values(of: name).first }
}
