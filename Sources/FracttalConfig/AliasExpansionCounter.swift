import Yams

/// Counts the alias expansions in composed documents, and stops as soon as the count passes the limit.
///
/// Yams composes an alias as the very node its anchor names (shared, not copied), so a "billion laughs"
/// costs little memory, but walking it would visit every copy. A node with an anchor is its definition
/// the first time a document-order walk meets it, and an alias expansion every later time. Each
/// anchored node's own count is remembered, so the walk is linear in the file and never expands anything.
/// The walk meets the aliases in the order they are written, so it can tell which one crossed the limit.
struct AliasExpansionCounter {
    /// The alias whose expansion carried the count past the limit.
    struct Crossing: Equatable {
        /// Its place among the aliases written in the file, from 1.
        var ordinal: Int
        /// The anchor it names.
        var anchor: String
    }

    /// The most expansions allowed in one file.
    let limit: Int
    /// Expansions counted so far in this file (capped at `limit + 1`).
    private(set) var total = 0
    /// The alias that crossed the limit, once one has.
    private(set) var crossing: Crossing?
    /// The aliases met so far.
    private var aliasesMet = 0
    /// For each anchored node met: the expansions inside one copy of it.
    private var inside: [ObjectIdentifier: Int] = [:]

    init(limit: Int) {
        self.limit = limit
    }

    /// Whether the count has passed the limit.
    var exceeded: Bool { total > limit }

    /// Adds the expansions of one document; the parser that composed it must still be alive
    /// (Yams holds anchors weakly in nodes).
    mutating func add(_ root: Node) {
        guard !exceeded else { return }
        _ = expansions(in: root)
    }

    /// The expansions inside one copy of a node; every alias met adds its own to `total`. Stops walking
    /// once past the limit.
    private mutating func expansions(in node: Node) -> Int {
        guard !exceeded else { return 0 }
        if let anchor = node.anchor {
            let id = ObjectIdentifier(anchor)
            if let count = inside[id] {
                // Met again: an alias, which expands the node and everything inside it.
                aliasesMet += 1
                total = min(limit + 1, total + 1 + count)
                if exceeded { crossing = Crossing(ordinal: aliasesMet, anchor: anchor.rawValue) }
                return 1 + count
            }
            let count = expansionsBelow(node)
            inside[id] = count
            return count
        }
        return expansionsBelow(node)
    }

    private mutating func expansionsBelow(_ node: Node) -> Int {
        var sum = 0
        switch node {
        case .scalar, .alias:
            return 0
        case .mapping(let mapping):
            for (key, value) in mapping {
                sum += expansions(in: key) + expansions(in: value)
                if exceeded { return sum }
            }
        case .sequence(let sequence):
            for item in sequence {
                sum += expansions(in: item)
                if exceeded { return sum }
            }
        }
        return sum
    }
}
