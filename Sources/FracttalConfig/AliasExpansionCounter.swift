import Yams

/// Counts the alias expansions in composed documents, and stops as soon as the count passes the limit.
///
/// Yams composes an alias as the very node its anchor names (shared, not copied), so a "billion laughs"
/// costs little memory, but walking it would visit every copy. A node with an anchor is its definition
/// the first time a document-order walk meets it, and an alias expansion every later time. Each
/// anchored node's own count is remembered, so the walk is linear in the file and never expands anything.
struct AliasExpansionCounter {
    /// The most expansions allowed in one file.
    let limit: Int
    /// Expansions counted so far in this file (capped at `limit + 1`).
    private(set) var total = 0
    /// For each anchored node met: the expansions inside one copy of it.
    private var inside: [ObjectIdentifier: Int] = [:]

    /// Creates a counter for one file.
    init(limit: Int) {
        self.limit = limit
    }

    /// Whether the count has passed the limit.
    var exceeded: Bool { total > limit }

    /// Adds the expansions of one document; the parser that composed it must still be alive
    /// (Yams holds anchors weakly in nodes).
    mutating func add(_ root: Node) {
        total = min(limit + 1, total + expansions(in: root))
    }

    private mutating func expansions(in node: Node) -> Int {
        if let anchor = node.anchor {
            let id = ObjectIdentifier(anchor)
            if let count = inside[id] {
                return min(limit + 1, 1 + count)
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
                if sum > limit { return limit + 1 }
            }
        case .sequence(let sequence):
            for item in sequence {
                sum += expansions(in: item)
                if sum > limit { return limit + 1 }
            }
        }
        return sum
    }
}
