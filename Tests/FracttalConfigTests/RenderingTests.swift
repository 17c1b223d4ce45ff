import FracttalConfig
import FracttalModel
import Testing

/// The three diagnostics formats of `validate`.
struct RenderingTests {
    static let diagnostics: [Diagnostic] = [
        .error("FRC101", "no file or folder at `x.yaml`: name an existing configuration file or folder"),
        .error("FRC119", "unknown key `nam` in a consumer: did you mean `name`?", at: SourceLocation(file: "a,b:c.yaml", line: 3, column: 5)),
        .warning("FRC134", "100% \"sure\"\nsecond line\r", at: SourceLocation(file: "dir/g.yaml", line: 12, column: 1)),
        .note("FRC221", "kept", at: SourceLocation(file: "n.yaml", line: 1, column: 1)),
    ]

    /// Line breaks and other control characters in a message are shown escaped, never printed raw.
    @Test func text() {
        #expect(render(Self.diagnostics, as: .text) == """
            error: no file or folder at `x.yaml`: name an existing configuration file or folder [FRC101]
            a,b:c.yaml:3:5: error: unknown key `nam` in a consumer: did you mean `name`? [FRC119]
            dir/g.yaml:12:1: warning: 100% "sure"\\nsecond line\\r [FRC134]
            n.yaml:1:1: note: kept [FRC221]

            """)
    }

    @Test func github() {
        #expect(render(Self.diagnostics, as: .github) == """
            ::error::no file or folder at `x.yaml`: name an existing configuration file or folder [FRC101]
            ::error file=a%2Cb%3Ac.yaml,line=3,col=5::unknown key `nam` in a consumer: did you mean `name`? [FRC119]
            ::warning file=dir/g.yaml,line=12,col=1::100%25 "sure"\\nsecond line\\r [FRC134]
            ::notice file=n.yaml,line=1,col=1::kept [FRC221]

            """)
    }

    @Test func json() {
        #expect(render(Self.diagnostics, as: .json) == """
            {
              "valid": false,
              "errors": 2,
              "warnings": 1,
              "diagnostics": [
                {"severity": "error", "code": "FRC101", "message": "no file or folder at `x.yaml`: name an existing configuration file or folder", "file": null, "line": null, "column": null},
                {"severity": "error", "code": "FRC119", "message": "unknown key `nam` in a consumer: did you mean `name`?", "file": "a,b:c.yaml", "line": 3, "column": 5},
                {"severity": "warning", "code": "FRC134", "message": "100% \\"sure\\"\\nsecond line\\r", "file": "dir/g.yaml", "line": 12, "column": 1},
                {"severity": "note", "code": "FRC221", "message": "kept", "file": "n.yaml", "line": 1, "column": 1}
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
        let output = render([.warning("FRC147", "w", at: SourceLocation(file: "a.yaml", line: 1, column: 1))], as: .json)
        #expect(output.contains("\"valid\": true"))
        #expect(output.contains("\"warnings\": 1"))
    }
}
