/// One broken rule of a request: the field (`body` for the body as a whole) and what is wrong.
package struct FieldViolation: Sendable, Hashable {
    package let field: String
    package let message: String

    init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    init(_ field: WireField, _ message: String) {
        self.init(field.rawValue, message)
    }
}
