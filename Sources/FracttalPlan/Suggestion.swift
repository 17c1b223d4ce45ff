import FracttalModel

/// Finds the nearest candidate to a mistyped word, for "did you mean" hints.
enum Suggestion {
    /// The candidate with the smallest edit distance, when it is within `limit` (by default, near enough to be
    /// a likely typo: 2, or a third of the text's length); ties go to the smaller text.
    static func nearest(to text: String, among candidates: some Sequence<String>, limit: Int? = nil) -> String? {
        let word = Array(text.unicodeScalars)
        let limit = limit ?? max(2, word.count / 3)
        var best: (distance: Int, candidate: String)?
        // A candidate that only looks like the text (canonically equivalent) is a likely suggestion too.
        for candidate in candidates where ExactName(candidate) != ExactName(text) {
            let distance = editDistance(word, Array(candidate.unicodeScalars))
            guard distance <= limit else { continue }
            if let current = best, (current.distance, current.candidate) <= (distance, candidate) { continue }
            best = (distance, candidate)
        }
        return best?.candidate
    }

    /// Levenshtein distance: insertions, deletions and substitutions each cost 1.
    static func editDistance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var previous = Array(0...rhs.count)
        var current = previous
        for (i, left) in lhs.enumerated() {
            current[0] = i + 1
            for (j, right) in rhs.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[rhs.count]
    }
}
