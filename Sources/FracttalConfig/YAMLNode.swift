/// One node of a YAML file as libyaml's events describe it: a scalar, a list or a mapping, where it
/// was written, and for a list or mapping where its nodes end.
///
/// Forty bytes, since a large file has one per key and per value: a tag other than the common ones
/// is kept in its tree (`YAMLTree.tagNames`), and the fields are laid out largest first.
struct YAMLNode {
    /// What the node is.
    enum Kind: UInt8 {
        case scalar
        case sequence
        case mapping
        /// An alias; `link` is the index of the node its anchor names.
        case alias
    }

    /// How a scalar was written (libyaml's scalar styles; the parser never answers "any").
    enum Style: UInt8 {
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
    }

    /// A scalar's tag as the language reads it.
    enum Tag: Equatable {
        /// A plain scalar written without a tag: its meaning comes from its text.
        case none
        /// A quoted or block scalar without a tag, or one tagged `!!str`.
        case string
        /// The non-specific tag `!`.
        case nonSpecific
        /// Any other tag: the number of its name, as libyaml resolved it (`tag:yaml.org,2002:int`),
        /// in its tree's `tagNames`.
        case other(Int32)
    }

    /// A scalar's value; empty for the other kinds.
    var text: String
    /// The 1-based line of the node's first character (its anchor or tag, when it has one).
    var line: Int32
    /// The 1-based column of that character, in Unicode scalars.
    var column: Int32
    /// The node's own index in its tree.
    var index: Int32
    /// A list or mapping: the index just past its last node. An alias: the index of the node it names.
    var link: Int32
    /// A scalar's tag; `.none` for the other kinds.
    var tag: Tag
    /// What the node is.
    var kind: Kind
    /// A scalar's style; `.plain` for the other kinds.
    var style: Style

    init(kind: Kind, style: Style, tag: Tag, text: String, line: Int32, column: Int32, index: Int32, link: Int32) {
        self.text = text
        self.line = line
        self.column = column
        self.index = index
        self.link = link
        self.tag = tag
        self.kind = kind
        self.style = style
    }
}
