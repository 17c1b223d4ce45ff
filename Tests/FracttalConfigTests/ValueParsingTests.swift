import FracttalModel
import Foundation
@testable import FracttalConfig
import Testing

/// The small parsers behind the loader.
struct ValueParsingTests {
    @Test func plainScalarsFollowTheCoreSchema() {
        #expect(PlainScalar("1212") == .integer)
        #expect(PlainScalar("-0x1F") == .string)
        #expect(PlainScalar("0x1F") == .integer)
        #expect(PlainScalar("0o17") == .integer)
        #expect(PlainScalar("1e3") == .float)
        #expect(PlainScalar(".5") == .float)
        #expect(PlainScalar("-.inf") == .float)
        #expect(PlainScalar(".NaN") == .float)
        #expect(PlainScalar("TRUE") == .boolean)
        #expect(PlainScalar("yes") == .string)
        #expect(PlainScalar("~") == .null)
        #expect(PlainScalar("") == .null)
        #expect(PlainScalar("1_000") == .string)
        #expect(PlainScalar("2026-11-01") == .string)
        #expect(PlainScalar("09/05") == .string)
    }

    @Test func redirectURIs() {
        #expect(RedirectURI.problem(with: "https://portal.example.com/oauth/callback") == nil)
        #expect(RedirectURI.problem(with: "http://localhost:8080/cb") == nil)
        #expect(RedirectURI.problem(with: "http://127.10.0.1/cb") == nil)
        #expect(RedirectURI.problem(with: "http://[::1]:9000/cb") == nil)
        #expect(RedirectURI.problem(with: "http://128.0.0.1/cb") == .insecure(host: "128.0.0.1"))
        #expect(RedirectURI.problem(with: "http://127.0.0.1.example.com/cb") == .insecure(host: "127.0.0.1.example.com"))
        #expect(RedirectURI.problem(with: "https:///cb") == .invalid)
        #expect(RedirectURI.problem(with: "ftp://example.com") == .invalid)
        #expect(RedirectURI.problem(with: "https://exa mple.com/") == .invalid)
    }

    @Test func suggestions() {
        #expect(Suggestion.nearest(to: "permision_group", among: MappingShape.consumer.keys) == "permission_group")
        #expect(Suggestion.nearest(to: "Name", among: MappingShape.consumer.keys) == "name")
        #expect(Suggestion.nearest(to: "hbu", among: MappingShape.consumer.keys) == "hub")
        #expect(Suggestion.nearest(to: "colour", among: MappingShape.group.keys) == nil)
        #expect(Suggestion.nearest(to: "desc", among: MappingShape.group.keys) == nil)
    }

    /// Where the composer stops for an alias in a key, or nil when it does not.
    private func aliasInKey(_ text: String) -> YAMLStop.Place? {
        if case .aliasInKey(let place)? = YAMLComposer.compose(text, aliasLimit: 100).stop { return place }
        return nil
    }

    @Test func aliasesInKeysAreFoundAndNothingElse() {
        #expect(aliasInKey("a: &x 1\nb: *x\nc: [*x, *x]\nd: {e: *x, f: 1}\n") == nil)
        #expect(aliasInKey("a: &x 1\nb: '*x: y'\nc: \"*x: y\" # *x: y\n") == nil)
        #expect(aliasInKey("a: &x 1\nb: |\n  *x: y\n  more\nc: *x\n") == nil)
        #expect(aliasInKey("a: &x 1\n*x : y\n") == .init(line: 2, column: 1))
        #expect(aliasInKey("a: &x 1\nb: {*x : y}\n") == .init(line: 2, column: 5))
        #expect(aliasInKey("a: &x 1\nb: {[*x, 1]: y}\n") == .init(line: 2, column: 6))
        // An explicit key without an alias is no alias in a key, whatever else the text holds.
        #expect(aliasInKey("a: &x 1\nb: *x\n? c\n: d\n") == nil)
        #expect(aliasInKey("a: &x 1\n? *x\n: d\n") == .init(line: 2, column: 3))
        // It refuses the file even after the first document stopped for another reason.
        #expect(aliasInKey("a: 1\na: 2\n---\nb: &y 1\n*y : c\n") == .init(line: 5, column: 1))
    }
}
