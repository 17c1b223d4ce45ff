import Synchronization

/// The file paths that source locations name, each kept once for the whole process: a location holds
/// a small number in place of its path, so that a value read from a large file does not carry the
/// path's sixteen bytes (and a retain) in each of its fields.
///
/// Paths are compared byte by byte (`ExactName`), so two spellings of a path stay two paths. Paths are
/// never removed: a process reads a handful of files.
enum SourceFiles {
    private struct Registry {
        var numbers: [ExactName: UInt32] = [:]
        var paths: [String] = []
    }

    private static let registry = Mutex(Registry())

    /// The number of a path, given it the first time the path is seen.
    static func number(of path: String) -> UInt32 {
        registry.withLock { registry in
            // Locations of one file are made one after the other: the last path is the likeliest.
            if let last = registry.paths.last, last.utf8.elementsEqual(path.utf8) {
                return UInt32(registry.paths.count - 1)
            }
            let name = ExactName(path)
            if let number = registry.numbers[name] { return number }
            let number = UInt32(registry.paths.count)
            registry.numbers[name] = number
            registry.paths.append(path)
            return number
        }
    }

    /// The path of a number that `number(of:)` gave.
    static func path(_ number: UInt32) -> String {
        registry.withLock { $0.paths[Int(number)] }
    }
}
