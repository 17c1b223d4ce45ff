import CLibYAML
import Foundation
import FracttalModel

/// Reads a file's text in one pass over libyaml's events into a `YAMLTree`, checking on the way
/// what the language refuses in YAML itself: a key repeated in a mapping, an alias in a key, an
/// alias to no anchor, and more alias expansions than the limit.
///
/// The checks take effect as a loader would meet them while composing documents one after the
/// other: the first mapping that ends with a repeated key, the first undefined alias or the first
/// syntax error stops the pass, and the document it is in is not read; past the alias limit, the
/// document that crossed it is completed (so that its own errors come first) and not read. After a
/// stop the remaining events are still looked through for an alias in a key, which refuses the
/// whole file whatever else it holds.
///
/// A large file is mostly the items of a few long lists under the first document's root (a
/// configuration's `consumers`). Those items can be handed over one by one as they end (see
/// `HandedOverItem`), and their nodes let go, so that the whole tree is never held at once.
struct YAMLComposer {
    /// An item of a list under one of the keys given to `compose`, handed over as soon as it ends.
    ///
    /// Only the leading run of items that stand alone is handed over: mappings that define no anchor,
    /// in a list that has no anchor and is not named by an alias, before any stop. From the first
    /// item or list that is not such, to the end of the file, nothing more is, so that whatever the
    /// caller reads afterwards from the tree comes after what it was handed. The caller must itself forget the items of a document
    /// that is not among those to read, and of the whole file when it is refused
    /// (`YAMLStop.aliasInKey`).
    struct HandedOverItem {
        /// The item's mapping; its nodes are dropped from the tree once the caller returns.
        var index: Int32
        /// The root key the list is under.
        var key: String
        /// The item's document, 0 for the file's first.
        var document: Int
    }

    /// The outcome of a pass.
    struct Composition {
        /// Every node parsed.
        var tree: YAMLTree
        /// The roots of the documents to read, in order: those completed before any stop.
        var documents: [Int32]
        /// What stopped the pass, if anything did.
        var stop: YAMLStop?
    }

    /// Composes a text; `aliasLimit` is the most alias expansions the file may hold.
    static func compose(_ text: String, aliasLimit: Int) -> Composition {
        compose(Data(text.utf8), aliasLimit: aliasLimit)
    }

    /// Composes a text given as its UTF-8 bytes, read where they are. The items of the lists under
    /// `itemKeys` in a document's root are handed over as they end (see `HandedOverItem`).
    static func compose(
        _ bytes: Data, aliasLimit: Int, handingOverItemsOf itemKeys: [String] = [],
        to handOver: (inout YAMLTree, HandedOverItem) -> Void = { _, _ in }
    ) -> Composition {
        withoutActuallyEscaping(handOver) { handOver in
            var composer = YAMLComposer(aliasLimit: aliasLimit, itemKeys: itemKeys, handOver: handOver)
            bytes.withUnsafeBytes { raw in
                composer.run(raw.bindMemory(to: UInt8.self))
            }
            return Composition(tree: composer.tree, documents: composer.documents, stop: composer.stop)
        }
    }

    /// A list or mapping whose end has not come yet.
    private struct Frame {
        /// Its node.
        var index: Int32
        var isMapping: Bool
        /// A mapping: whether the next node is a key.
        var expectsKey = true
        /// Whether the collection is a key or inside one.
        var inKey: Bool
        /// Its anchor, registered when it ends.
        var anchor: String?
        /// The alias expansions inside one copy of it so far.
        var expansions = 0
        /// A mapping: the index of its latest key.
        var latestKey: Int32 = -1
        /// A list whose items are handed over: the root key it is under.
        var itemKey: String?
        /// How many anchors the file had registered when it began.
        var anchorsBefore = 0
    }

    /// An anchor of the current document.
    private struct Anchor {
        /// The node it names.
        var index: Int32
        /// The alias expansions inside one copy of that node.
        var expansions: Int
    }

    private let aliasLimit: Int
    private var tree = YAMLTree()
    private var documents: [Int32] = []
    private var stop: YAMLStop?
    /// The root of the current document.
    private var root: Int32?
    private var frames: [Frame] = []
    private var anchors: [String: Anchor] = [:]
    /// Expansions counted in the file so far, saturating just past the limit.
    private var expansions = 0
    /// The alias that carried the count past the limit in the current document.
    private var crossing: (anchor: String, place: YAMLStop.Place)?
    /// A mapping's key indexes, reused from mapping to mapping.
    private var keyScratch: [Int32] = []
    /// The long keys read so far, so that a key written in every item of a long list is held once.
    private var keyTexts: Set<ExactName> = []

    private let itemKeys: [String]
    /// Receives the items handed over.
    private let recipient: (inout YAMLTree, HandedOverItem) -> Void
    /// Whether items are still handed over; false from the first that cannot be, to the end.
    private var handsOver: Bool
    /// The documents begun so far.
    private var documentCount = 0
    /// How many anchors were registered so far in the file, so that an item that defines one is kept.
    private var anchorsRegistered = 0

    private init(aliasLimit: Int, itemKeys: [String], handOver: @escaping (inout YAMLTree, HandedOverItem) -> Void) {
        self.aliasLimit = aliasLimit
        self.itemKeys = itemKeys
        recipient = handOver
        handsOver = !itemKeys.isEmpty
    }

    private mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            parser.deallocate()
            event.deallocate()
        }
        guard yaml_parser_initialize(parser) == 1 else {
            stop = .syntax(LibYAMLError(parser))
            return
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        // libyaml asserts an address even for no input.
        let nothing = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        defer { nothing.deallocate() }
        yaml_parser_set_input_string(parser, bytes.baseAddress ?? UnsafePointer(nothing), bytes.count)
        while true {
            guard yaml_parser_parse(parser, event) == 1 else {
                if stop == nil { stop = .syntax(LibYAMLError(parser)) }
                return
            }
            let type = event.pointee.type
            handle(event.pointee)
            yaml_event_delete(event)
            if type == YAML_STREAM_END_EVENT { return }
            if case .aliasInKey? = stop { return }
        }
    }

    private mutating func handle(_ event: yaml_event_t) {
        let place = YAMLStop.Place(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            anchors.removeAll(keepingCapacity: true)
            root = nil
            crossing = nil
        case YAML_DOCUMENT_END_EVENT:
            guard stop == nil, let root else { return }
            if let crossing {
                stop = .tooManyAliases(anchor: crossing.anchor, at: crossing.place)
            } else {
                documents.append(root)
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            var text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            if isKeyNext { text = sharedKey(text) }
            let index = append(YAMLNode(
                kind: .scalar, style: Self.style(scalar.style), tag: tag(scalar.tag, quotedImplicit: scalar.quoted_implicit),
                text: text, line: Int32(place.line), column: Int32(place.column), index: tree.nextIndex, link: 0
            ))
            if let anchor = scalar.anchor {
                register(String(cString: anchor), Anchor(index: index, expansions: 0))
            }
            keepsItem()
            completed()
        case YAML_ALIAS_EVENT:
            alias(named: String(cString: event.data.alias.anchor), at: place)
        case YAML_SEQUENCE_START_EVENT:
            open(isMapping: false, anchor: event.data.sequence_start.anchor, at: place)
        case YAML_MAPPING_START_EVENT:
            open(isMapping: true, anchor: event.data.mapping_start.anchor, at: place)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            close()
        default:
            break
        }
    }

    /// Whether the next node is a mapping's key.
    private var isKeyNext: Bool {
        guard let frame = frames.last else { return false }
        return frame.isMapping && frame.expectsKey
    }

    /// The text of a key as first read, when the same bytes were read as a key before. Texts of up to
    /// fifteen bytes are held inside the string itself, and are answered as they are.
    private mutating func sharedKey(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        return keyTexts.insert(ExactName(text)).memberAfterInsert.text
    }

    /// Whether the next node is a key or inside one.
    private var nextIsInKey: Bool {
        guard let frame = frames.last else { return false }
        return frame.inKey || (frame.isMapping && frame.expectsKey)
    }

    private mutating func append(_ node: YAMLNode) -> Int32 {
        if isKeyNext { frames[frames.count - 1].latestKey = node.index }
        let index = tree.append(node)
        if frames.isEmpty, root == nil { root = index }
        return index
    }

    /// A node inside the innermost collection is complete: a mapping's next node is the other of key and value.
    private mutating func completed() {
        guard !frames.isEmpty, frames[frames.count - 1].isMapping else { return }
        frames[frames.count - 1].expectsKey.toggle()
    }

    private mutating func alias(named name: String, at place: YAMLStop.Place) {
        if nextIsInKey {
            stop = .aliasInKey(at: place)
            return
        }
        let anchor = anchors[name]
        if anchor == nil, stop == nil {
            stop = .undefinedAlias(at: place)
        }
        let target = anchor?.index ?? tree.nextIndex
        // Items named by an alias are read from the tree once the pass ends: none after may come first.
        if itemKeyOfNextValue != nil { handsOver = false }
        keepsItem()
        _ = append(YAMLNode(
            kind: .alias, style: .plain, tag: .none, text: "",
            line: Int32(place.line), column: Int32(place.column), index: tree.nextIndex, link: target
        ))
        if let anchor {
            // The alias expands its node: itself once, and every expansion inside that node again.
            let weight = saturated(1 + anchor.expansions)
            expansions = saturated(expansions + weight)
            if !frames.isEmpty { frames[frames.count - 1].expansions = saturated(frames[frames.count - 1].expansions + weight) }
            if expansions > aliasLimit, crossing == nil, stop == nil {
                crossing = (name, place)
            }
        }
        completed()
    }

    /// Counts stop just past the limit, so that a "billion laughs" cannot overflow them.
    private func saturated(_ count: Int) -> Int {
        min(count, aliasLimit + 1)
    }

    private mutating func open(isMapping: Bool, anchor: UnsafeMutablePointer<UInt8>?, at place: YAMLStop.Place) {
        let inKey = nextIsInKey
        if !isMapping { keepsItem() }
        var itemKey: String?
        if let key = itemKeyOfNextValue {
            // A list with an anchor keeps its items in the tree, for the aliases that may name it; they
            // are read once the pass ends, and none after them may come first.
            if isMapping || anchor != nil { handsOver = false } else { itemKey = key }
        }
        let index = append(YAMLNode(
            kind: isMapping ? .mapping : .sequence, style: .plain, tag: .none, text: "",
            line: Int32(place.line), column: Int32(place.column), index: tree.nextIndex, link: 0
        ))
        frames.append(Frame(
            index: index, isMapping: isMapping, inKey: inKey, anchor: anchor.map { String(cString: $0) },
            itemKey: itemKey, anchorsBefore: anchorsRegistered))
    }

    /// The key of `itemKeys` that the next node is the value of, in a document's root mapping, while
    /// items are handed over.
    private var itemKeyOfNextValue: String? {
        guard handsOver, frames.count == 1, let root = frames.first,
              root.isMapping, !root.expectsKey, root.latestKey >= 0 else { return nil }
        let key = tree.nodes[Int(root.latestKey)]
        guard key.kind == .scalar else { return nil }
        return itemKeys.first { $0 == key.text }
    }

    /// A node other than a mapping begins right inside a list whose items are handed over: from here
    /// on, nothing more is.
    private mutating func keepsItem() {
        if frames.last?.itemKey != nil { handsOver = false }
    }

    private mutating func register(_ name: String, _ anchor: Anchor) {
        anchors[name] = anchor
        anchorsRegistered += 1
    }

    private mutating func close() {
        guard let frame = frames.popLast() else { return }
        tree.close(frame.index)
        if frame.isMapping, stop == nil {
            let repetitions = repeatedKeys(in: frame.index)
            if !repetitions.isEmpty { stop = .repeatedKeys(repetitions) }
        }
        if !frames.isEmpty {
            frames[frames.count - 1].expansions = saturated(frames[frames.count - 1].expansions + frame.expansions)
        }
        // Registered at its end: an alias inside a node cannot name the node itself.
        if let anchor = frame.anchor {
            register(anchor, Anchor(index: frame.index, expansions: frame.expansions))
        }
        if let key = frames.last?.itemKey, handsOver {
            handOver(frame, under: key)
        }
        completed()
    }

    /// Hands over a mapping that just ended as an item of a list under one of `itemKeys`, and drops
    /// its nodes; or, when it cannot stand alone, keeps it and stops handing over.
    private mutating func handOver(_ item: Frame, under key: String) {
        guard stop == nil, crossing == nil, anchorsRegistered == item.anchorsBefore else {
            handsOver = false
            return
        }
        recipient(&tree, HandedOverItem(index: item.index, key: key, document: documentCount - 1))
        tree.drop(from: item.index)
    }

    /// Each key of a mapping written again, at its second occurrence, in the order of those.
    /// Scalar keys are the same key when their texts and tags are (`name` and `"name"` are); a
    /// list or mapping as a key is refused by the reader anyway.
    private mutating func repeatedKeys(in mapping: Int32) -> [YAMLStop.Repetition] {
        let nodes = tree.nodes
        let end = nodes[Int(mapping)].link
        keyScratch.removeAll(keepingCapacity: true)
        var index = mapping + 1
        while index < end {
            if nodes[Int(index)].kind == .scalar { keyScratch.append(index) }
            index = tree.after(tree.after(index))
        }
        guard keyScratch.count > 1 else { return [] }
        var repetitions: [YAMLStop.Repetition] = []
        if keyScratch.count <= 16 {
            for (position, keyIndex) in keyScratch.enumerated() {
                let key = nodes[Int(keyIndex)]
                guard let first = keyScratch[..<position].first(where: { sameKey(nodes[Int($0)], key) }) else { continue }
                let firstKey = nodes[Int(first)]
                // Only the second occurrence of a key is reported.
                let earlier = keyScratch[..<position].filter { sameKey(nodes[Int($0)], key) }.count
                if earlier == 1 {
                    repetitions.append(Self.repetition(of: key, first: firstKey))
                }
            }
            return repetitions
        }
        var seen: [KeyIdentity: (first: Int32, count: Int)] = [:]
        for keyIndex in keyScratch {
            let key = nodes[Int(keyIndex)]
            let identity = KeyIdentity(key, in: tree)
            if let entry = seen[identity] {
                if entry.count == 1 { repetitions.append(Self.repetition(of: key, first: nodes[Int(entry.first)])) }
                seen[identity] = (entry.first, entry.count + 1)
            } else {
                seen[identity] = (keyIndex, 1)
            }
        }
        return repetitions
    }

    private static func repetition(of key: YAMLNode, first: YAMLNode) -> YAMLStop.Repetition {
        YAMLStop.Repetition(
            key: key.text, firstLine: Int(first.line), place: YAMLStop.Place(line: Int(key.line), column: Int(key.column)))
    }

    /// What makes two scalar keys the same key: the text, and the tag a loader resolves them to.
    private struct KeyIdentity: Hashable {
        var text: String
        var tag: String?

        init(_ node: YAMLNode, in tree: YAMLTree) {
            text = node.text
            tag = tree.otherTagName(of: node)
        }
    }

    private func sameKey(_ left: YAMLNode, _ right: YAMLNode) -> Bool {
        left.text == right.text && KeyIdentity(left, in: tree) == KeyIdentity(right, in: tree)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// A quoted or block scalar without a tag is a string; a plain one without a tag has none.
    private mutating func tag(_ tag: UnsafeMutablePointer<UInt8>?, quotedImplicit: Int32) -> YAMLNode.Tag {
        if quotedImplicit != 0 { return .string }
        guard let tag else { return .none }
        let name = String(cString: tag)
        switch name {
        case "tag:yaml.org,2002:str": return .string
        case "!": return .nonSpecific
        default: return .other(tree.numberTag(name))
        }
    }
}
