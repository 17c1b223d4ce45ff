/// The nodes of one file's YAML documents in the order written, each list or mapping followed by
/// its nodes (a mapping's as key, value, key, value). An alias stays one node that names the node of
/// its anchor, so a "billion laughs" costs no more than its text.
struct YAMLTree {
    /// Every node, in the order written.
    private(set) var nodes: [YAMLNode] = []
    /// The names of the tags that nodes carry as `.other`, by number.
    private(set) var tagNames: [String] = []

    /// Drops the nodes from an index on; the next node appended takes that index.
    mutating func drop(from index: Int32) {
        nodes.removeSubrange(Int(index)...)
    }

    /// The node at an index, an alias replaced by the node it names.
    subscript(index: Int32) -> YAMLNode {
        let node = nodes[Int(index)]
        return node.kind == .alias ? nodes[Int(node.link)] : node
    }

    /// Appends a node; answers its index.
    mutating func append(_ node: YAMLNode) -> Int32 {
        nodes.append(node)
        return node.index
    }

    /// Keeps the name of a tag for `YAMLNode.Tag.other`; answers its number.
    mutating func numberTag(_ name: String) -> Int32 {
        tagNames.append(name)
        return Int32(tagNames.count - 1)
    }

    /// The name of a node's tag when it is `.other`, else nil.
    func otherTagName(of node: YAMLNode) -> String? {
        if case .other(let number) = node.tag { tagNames[Int(number)] } else { nil }
    }

    /// The index the next node appended will have.
    var nextIndex: Int32 { Int32(nodes.count) }

    /// Marks where a list or mapping ends, once its last node is appended.
    mutating func close(_ index: Int32) {
        nodes[Int(index)].link = nextIndex
    }

    /// The index just past a node and, for a list or mapping, all of its nodes.
    func after(_ index: Int32) -> Int32 {
        let node = nodes[Int(index)]
        switch node.kind {
        case .sequence, .mapping: return node.link
        case .scalar, .alias: return index + 1
        }
    }

    /// A list's items, aliases replaced by the nodes they name.
    func items(of sequence: YAMLNode) -> [YAMLNode] {
        var result: [YAMLNode] = []
        var index = sequence.index + 1
        while index < sequence.link {
            result.append(self[index])
            index = after(index)
        }
        return result
    }

    /// A mapping's keys and values in the order written, aliases replaced by the nodes they name.
    func pairs(of mapping: YAMLNode) -> [(key: YAMLNode, value: YAMLNode)] {
        var result: [(key: YAMLNode, value: YAMLNode)] = []
        var index = mapping.index + 1
        while index < mapping.link {
            let valueIndex = after(index)
            result.append((self[index], self[valueIndex]))
            index = after(valueIndex)
        }
        return result
    }
}
