/// Finds an alias used inside a mapping key, before Yams composes the text.
///
/// Yams checks every mapping for duplicate keys by hashing the key nodes, and hashing walks
/// a node in full: a key that is (or holds) an alias of a "billion laughs" structure would
/// take forever inside Yams, before any count could stop it. The language has no use for
/// aliases in keys, so this light lexical pass refuses them up front. It follows flow
/// collections, quotes, comments and block scalars well enough for that; explicit `?` keys
/// are refused whenever the text also holds an alias.
///
/// The same pass lists every alias in the order written, for a message about one of them.
struct AliasKeyScanner {
    /// Where an alias stands in a key: 1-based line and column (in Unicode scalars).
    struct Finding: Equatable {
        var line: Int
        var column: Int
    }

    /// An alias as written: where its `*` stands, and the anchor it names.
    struct Alias: Equatable {
        var line: Int
        var column: Int
        var anchor: String
    }

    /// The first alias used in a key, or nil. Cheap when the text has no anchor at all.
    static func findAliasInKey(_ text: String) -> Finding? {
        let bytes = Array(text.utf8)
        // Without an anchor (`&`) there can be no alias, and without `*` no alias token.
        guard bytes.contains(UInt8(ascii: "&")), bytes.contains(UInt8(ascii: "*")) else { return nil }
        var scanner = AliasKeyScanner(bytes: bytes, stopsAtAliasInKey: true)
        return scanner.scan()
    }

    /// Every alias in the text, in the order written.
    static func aliases(in text: String) -> [Alias] {
        var scanner = AliasKeyScanner(bytes: Array(text.utf8), stopsAtAliasInKey: false)
        _ = scanner.scan()
        return scanner.aliases
    }

    private let bytes: [UInt8]
    /// Whether `scan()` answers the first alias in a key (else it goes on, listing aliases).
    private let stopsAtAliasInKey: Bool
    private var aliases: [Alias] = []
    private var index = 0
    private var line = 1
    private var column = 1
    /// For each open flow collection (and the block level at 0): whether the current key candidate holds an alias.
    /// A `,` ends a candidate at its own depth, a `:` indicator ends it (flagged: an alias in a key), a line break
    /// ends the block level's.
    private var candidate: [Bool] = [false]
    private var candidateAlias: [Finding?] = [nil]
    private var explicitKey: Finding?
    private var firstAlias: Finding?

    private init(bytes: [UInt8], stopsAtAliasInKey: Bool) {
        self.bytes = bytes
        self.stopsAtAliasInKey = stopsAtAliasInKey
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
    private static func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A }
    private static func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }
    private static func isAnchorCharacter(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private func byte(at offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    /// Moves one byte on, keeping line and column (columns count scalars, not bytes).
    private mutating func advance() {
        let current = bytes[index]
        index += 1
        if Self.isBreak(current) {
            line += 1
            column = 1
        } else if current & 0xC0 != 0x80 {
            column += 1
        }
    }

    private var flowDepth: Int { candidate.count - 1 }

    private mutating func scan() -> Finding? {
        var atTokenStart = true
        var lineIndent = 0
        var atLineStart = true
        var blockScalarParentIndent: Int?
        while index < bytes.count {
            let current = bytes[index]
            if atLineStart {
                // Measure the indentation, then decide whether the line belongs to a block scalar.
                var spaces = 0
                while let next = byte(at: spaces), next == 0x20 { spaces += 1 }
                let rest = byte(at: spaces)
                let blank = rest == nil || rest.map { Self.isBreak($0) || $0 == 0x0D || $0 == 0x09 } == true
                if let parent = blockScalarParentIndent {
                    if blank || spaces > parent {
                        skipLine()
                        continue
                    }
                    blockScalarParentIndent = nil
                }
                lineIndent = spaces
                atLineStart = false
                if flowDepth == 0 {
                    candidate[0] = false
                    candidateAlias[0] = nil
                }
                continue
            }
            if Self.isBreak(current) {
                advance()
                atLineStart = true
                atTokenStart = true
                continue
            }
            if Self.isSpace(current) {
                advance()
                atTokenStart = true
                continue
            }
            let here = Finding(line: line, column: column)
            switch current {
            case UInt8(ascii: "#") where atTokenStart:
                skipToLineEnd()
                continue
            case UInt8(ascii: "'") where atTokenStart, UInt8(ascii: "\"") where atTokenStart:
                skipQuoted(current)
                atTokenStart = false
                continue
            case UInt8(ascii: "[") where atTokenStart || flowDepth > 0, UInt8(ascii: "{") where atTokenStart || flowDepth > 0:
                candidate.append(false)
                candidateAlias.append(nil)
                advance()
                atTokenStart = true
                continue
            case UInt8(ascii: "]") where flowDepth > 0, UInt8(ascii: "}") where flowDepth > 0:
                candidate.removeLast()
                candidateAlias.removeLast()
                advance()
                atTokenStart = false
                continue
            case UInt8(ascii: ",") where flowDepth > 0:
                candidate[flowDepth] = false
                candidateAlias[flowDepth] = nil
                advance()
                atTokenStart = true
                continue
            case UInt8(ascii: ":"):
                let next = byte(at: 1)
                let isIndicator = next == nil || Self.isSpace(next!) || Self.isBreak(next!)
                    || (flowDepth > 0 && Self.isFlowIndicator(next!))
                if isIndicator {
                    if candidate[flowDepth], stopsAtAliasInKey { return candidateAlias[flowDepth] ?? here }
                    candidate[flowDepth] = false
                    candidateAlias[flowDepth] = nil
                    advance()
                    atTokenStart = true
                    continue
                }
            case UInt8(ascii: "?") where atTokenStart:
                let next = byte(at: 1)
                if next == nil || Self.isSpace(next!) || Self.isBreak(next!) {
                    explicitKey = explicitKey ?? here
                    if firstAlias != nil, stopsAtAliasInKey { return here }
                    advance()
                    atTokenStart = true
                    continue
                }
            case UInt8(ascii: "*") where atTokenStart:
                if let next = byte(at: 1), Self.isAnchorCharacter(next) {
                    if explicitKey != nil, stopsAtAliasInKey { return here }
                    firstAlias = firstAlias ?? here
                    // The alias is part of the key candidate of every enclosing collection too.
                    for depth in candidate.indices {
                        candidate[depth] = true
                        candidateAlias[depth] = candidateAlias[depth] ?? here
                    }
                    advance()
                    let nameStart = index
                    while let next = byte(at: 0), Self.isAnchorCharacter(next) { advance() }
                    if !stopsAtAliasInKey {
                        let anchor = String(decoding: bytes[nameStart..<index], as: UTF8.self)
                        aliases.append(Alias(line: here.line, column: here.column, anchor: anchor))
                    }
                    atTokenStart = false
                    continue
                }
            case UInt8(ascii: "|") where atTokenStart && flowDepth == 0, UInt8(ascii: ">") where atTokenStart && flowDepth == 0:
                blockScalarParentIndent = lineIndent
                skipToLineEnd()
                continue
            default:
                break
            }
            // Anything else is part of a plain scalar, an anchor, a tag or an indicator: step over it.
            advance()
            atTokenStart = false
        }
        return nil
    }

    private mutating func skipToLineEnd() {
        while index < bytes.count, !Self.isBreak(bytes[index]) { advance() }
    }

    private mutating func skipLine() {
        skipToLineEnd()
        if index < bytes.count { advance() }
    }

    /// Steps over a quoted scalar, across lines; `''` escapes a single quote, `\` escapes in double quotes.
    private mutating func skipQuoted(_ quote: UInt8) {
        advance()
        while index < bytes.count {
            let current = bytes[index]
            if quote == UInt8(ascii: "\""), current == UInt8(ascii: "\\") {
                advance()
                if index < bytes.count { advance() }
                continue
            }
            if current == quote {
                if quote == UInt8(ascii: "'"), byte(at: 1) == quote {
                    advance()
                    advance()
                    continue
                }
                advance()
                return
            }
            advance()
        }
    }
}
