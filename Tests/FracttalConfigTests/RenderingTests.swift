import FracttalConfig
import FracttalModel
import Testing

/// The three diagnostics formats of `validate`.
struct RenderingTests {
    static let diagnostics: [Diagnostic] = [
        .error("no file or folder at `x.yaml`: name an existing configuration file or folder"),
        .error("unknown key `nam` in a consumer: did you mean `name`?", at: SourceLocation(file: "a,b:c.yaml", line: 3, column: 5)),
        .warning("100% \"sure\"\nsecond line\r", at: SourceLocation(file: "dir/g.yaml", line: 12, column: 1)),
        .note("kept", at: SourceLocation(file: "n.yaml", line: 1, column: 1)),
    ]

    /// Line breaks and other control characters in a message are shown escaped, never printed raw.
    @Test func text() {
        #expect(render(Self.diagnostics, as: .text) == """
            error: no file or folder at `x.yaml`: name an existing configuration file or folder
            a,b:c.yaml:3:5: error: unknown key `nam` in a consumer: did you mean `name`?
            dir/g.yaml:12:1: warning: 100% "sure"\\nsecond line\\r
            n.yaml:1:1: note: kept

            """)
    }

    @Test func github() {
        #expect(render(Self.diagnostics, as: .github) == """
            ::error::no file or folder at `x.yaml`: name an existing configuration file or folder
            ::error file=a%2Cb%3Ac.yaml,line=3,col=5::unknown key `nam` in a consumer: did you mean `name`?
            ::warning file=dir/g.yaml,line=12,col=1::100%25 "sure"\\nsecond line\\r
            ::notice file=n.yaml,line=1,col=1::kept

            """)
    }

    @Test func json() {
        #expect(render(Self.diagnostics, as: .json) == """
            {
              "valid": false,
              "errors": 2,
              "warnings": 1,
              "diagnostics": [
                {"severity": "error", "message": "no file or folder at `x.yaml`: name an existing configuration file or folder", "file": null, "line": null, "column": null},
                {"severity": "error", "message": "unknown key `nam` in a consumer: did you mean `name`?", "file": "a,b:c.yaml", "line": 3, "column": 5},
                {"severity": "warning", "message": "100% \\"sure\\"\\nsecond line\\r", "file": "dir/g.yaml", "line": 12, "column": 1},
                {"severity": "note", "message": "kept", "file": "n.yaml", "line": 1, "column": 1}
              ]
            }

            """)
    }

    @Test func jsonWithoutDiagnosticsIsValid() {
        #expect(render([], as: .json) == "{\n  \"valid\": true,\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"diagnostics\": []\n}\n")
        #expect(render([], as: .text).isEmpty)
        #expect(render([], as: .github).isEmpty)
    }

    @Test func warningsAloneAreValid() {
        let output = render([.warning("w", at: SourceLocation(file: "a.yaml", line: 1, column: 1))], as: .json)
        #expect(output.contains("\"valid\": true"))
        #expect(output.contains("\"warnings\": 1"))
    }
}
