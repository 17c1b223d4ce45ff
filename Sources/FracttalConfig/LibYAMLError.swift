import CLibYAML

/// An error that libyaml's parser reports, with the place it names.
struct LibYAMLError: Equatable {
    /// The stage of libyaml that refused the text.
    enum Stage: Equatable {
        /// Decoding the characters (a control character, for one).
        case reader
        /// Cutting the text into tokens.
        case scanner
        /// Putting the tokens together.
        case parser
        /// Memory ran out.
        case memory
    }

    /// The stage that refused the text.
    var stage: Stage
    /// What libyaml says is wrong.
    var problem: String
    /// What libyaml was reading when it found the problem (`while scanning a quoted scalar`), if it says.
    var context: String?
    /// The 1-based line and column of the problem (scanner and parser).
    var line: Int
    var column: Int
    /// The byte offset of the problem in the text (reader).
    var byteOffset: Int

    /// The error a parser holds after `yaml_parser_parse` failed.
    init(_ parser: UnsafePointer<yaml_parser_t>) {
        let state = parser.pointee
        switch state.error {
        case YAML_READER_ERROR: stage = .reader
        case YAML_SCANNER_ERROR: stage = .scanner
        case YAML_PARSER_ERROR: stage = .parser
        default: stage = .memory
        }
        problem = state.problem.map { String(cString: $0) } ?? "libyaml ran out of memory"
        context = state.context.map { String(cString: $0) }
        line = state.problem_mark.line + 1
        column = state.problem_mark.column + 1
        byteOffset = state.problem_offset
    }
}
