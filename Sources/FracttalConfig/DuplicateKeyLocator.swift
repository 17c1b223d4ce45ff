import Yams

/// Finds where a mapping repeats a key. Yams refuses such a mapping naming only the first occurrence
/// of one repeated key; the message belongs at the repetition.
///
/// The first occurrence is masked in the text (replaced by private-use characters, so every line and
/// column stays where it was) and the text composed again: the mapping then composes, and its keys
/// show where each repetition stands. When the mapping repeats other keys too, Yams refuses it again
/// naming another one, which is masked in turn.
enum DuplicateKeyLocator {
    /// A key written twice in one mapping.
    struct Repetition: Equatable {
        /// The key.
        var key: String
        /// The 1-based line of its first occurrence.
        var firstLine: Int
        /// The 1-based line and column of its second occurrence.
        var line: Int
        var column: Int
    }

    /// The most keys masked before giving up; each costs one more composition of the file.
    static let maximumMasks = 16

    /// Every key repeated in the mapping where `key` first occurs at `line` and `column` (as Yams
    /// reported it), each at its second occurrence; nil when the places cannot be told.
    static func locate(key: String, line: Int, column: Int, in text: String) -> [Repetition]? {
        var scalars = Array(text.unicodeScalars)
        let lineStarts = Self.lineStarts(of: scalars)
        var masked: [Place: String] = [:]
        let first = Place(line: line, column: column)
        var next = (key: key, place: first)
        for attempt in 0..<maximumMasks {
            guard masked[next.place] == nil,
                  mask(next.key, at: next.place, in: &scalars, lineStarts: lineStarts, number: attempt) else { return nil }
            masked[next.place] = next.key
            do {
                let parser = try Parser(
                    yaml: String(String.UnicodeScalarView(scalars)), resolver: .basic, constructor: .default, encoding: .utf8)
                return try withExtendedLifetime(parser) { () throws -> [Repetition]? in
                    var search = MappingSearch(keyPlace: first, masked: masked)
                    while let root = try parser.nextRoot() {
                        if let found = search.repetitions(in: root) { return found }
                    }
                    return nil
                }
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                guard let key = duplicates.first else { return nil }
                next = (key, Place(line: context.mark.line, column: context.mark.column))
            } catch {
                return nil
            }
        }
        return nil
    }

    /// A 1-based line and column.
    private struct Place: Hashable {
        var line: Int
        var column: Int
    }

    /// Where each line starts in the scalars, with the line breaks `SourceLines` counts.
    private static func lineStarts(of scalars: [Unicode.Scalar]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
            if SourceLines.isBreak(scalar) { starts.append(index) }
        }
        return starts
    }

    /// Replaces the key written at a place (plain, or inside its quotes) by as many private-use
    /// characters, the first of them different for every mask; false when the text there is not the key.
    private static func mask(
        _ key: String, at place: Place, in scalars: inout [Unicode.Scalar], lineStarts: [Int], number: Int
    ) -> Bool {
        guard place.line >= 1, place.line <= lineStarts.count, place.column >= 1 else { return false }
        let lineEnd = place.line < lineStarts.count ? lineStarts[place.line] : scalars.count
        let start = lineStarts[place.line - 1] + place.column - 1
        guard start < lineEnd else { return false }
        let range: Range<Int>
        let keyScalars = Array(key.unicodeScalars)
        if scalars[start] == "\"" || scalars[start] == "'" {
            let quote = scalars[start]
            var end = start + 1
            while end < lineEnd, scalars[end] != quote {
                end += quote == "\"" && scalars[end] == "\\" ? 2 : 1
                if quote == "'", end + 1 < lineEnd, scalars[end] == "'", scalars[end + 1] == "'" { end += 2 }
            }
            guard end < lineEnd, end > start + 1 else { return false }
            range = (start + 1)..<end
        } else {
            guard start + keyScalars.count <= lineEnd, Array(scalars[start..<(start + keyScalars.count)]) == keyScalars,
                  !keyScalars.isEmpty else { return false }
            range = start..<(start + keyScalars.count)
        }
        for index in range {
            scalars[index] = Unicode.Scalar(0xE000 + UInt32(index == range.lowerBound ? number + 1 : 0))!
        }
        return true
    }

    /// Looks through composed documents for the mapping that holds the first masked key.
    private struct MappingSearch {
        let keyPlace: Place
        let masked: [Place: String]
        /// Anchored nodes already searched: an alias is the same node again and need not be searched twice.
        var searched: Set<ObjectIdentifier> = []

        /// The repetitions of the mapping under `node` that holds the first masked key, if it is there.
        mutating func repetitions(in node: Node) -> [Repetition]? {
            if let anchor = node.anchor, !searched.insert(ObjectIdentifier(anchor)).inserted { return nil }
            switch node {
            case .scalar, .alias:
                return nil
            case .sequence(let sequence):
                for item in sequence {
                    if let found = repetitions(in: item) { return found }
                }
                return nil
            case .mapping(let mapping):
                if mapping.keys.contains(where: { place(of: $0) == keyPlace }) {
                    return Self.repetitions(of: mapping.keys.map { key in (key: original(of: key), place: place(of: key)) })
                }
                for (key, value) in mapping {
                    if let found = repetitions(in: key) ?? repetitions(in: value) { return found }
                }
                return nil
            }
        }

        private func place(of node: Node) -> Place? {
            node.mark.map { Place(line: $0.line, column: $0.column) }
        }

        /// A key's text as written before masking.
        private func original(of node: Node) -> String? {
            if let place = place(of: node), let key = masked[place] { return key }
            return node.scalar?.string
        }

        /// Each key that occurs more than once, at its second occurrence, in order of those. Keys compare
        /// as Yams compares them (`String` equality), since that is what Yams refused.
        private static func repetitions(of keys: [(key: String?, place: Place?)]) -> [Repetition] {
            var firsts: [String: Place] = [:]
            var reported: Set<String> = []
            var found: [Repetition] = []
            for case let (key?, place?) in keys {
                guard let first = firsts[key] else {
                    firsts[key] = place
                    continue
                }
                if reported.insert(key).inserted {
                    found.append(Repetition(key: key, firstLine: first.line, line: place.line, column: place.column))
                }
            }
            return found
        }
    }
}
