import Foundation

/// The one "did you mean" engine: the known word nearest to a mistyped one, for validate's and plan's hints.
///
/// Distance is the optimal string alignment distance over the Unicode scalars of the lowercased NFC
/// form: an insertion, deletion, substitution or swap of two neighbours costs 1, and case and
/// normalization cost nothing (`Name` suggests `name`, and `Jose\u{301}` suggests `Jos\u{E9}`).
/// A candidate with the very scalars of the word is never suggested; one that differs only in case
/// or normalization is (to the server they are different names).
public enum Suggestion {
    /// The candidate nearest to `word`, or nil when none is near enough; ties go to the earlier candidate.
    ///
    /// Near enough means within `maximumDistance`, by default a third of the candidate's length (at least 1):
    /// `hbu` suggests `hub`, `desc` does not suggest `description`.
    public static func nearest(to word: String, among candidates: some Sequence<String>, maximumDistance: Int? = nil) -> String? {
        let typed = comparable(word)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where ExactName(candidate) != ExactName(word) {
            let target = comparable(candidate)
            let allowed = maximumDistance ?? max(1, target.count / 3)
            // Only a strictly nearer candidate replaces the best so far, so the first of equals stays.
            let limit = min(allowed, (best?.distance ?? Int.max) - 1)
            guard limit >= 0, abs(typed.count - target.count) <= limit else { continue }
            if let distance = distance(typed, target, limit: limit) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The scalars distance is measured on: the text lowercased, in NFC.
    private static func comparable(_ text: String) -> [Unicode.Scalar] {
        Array(text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars)
    }

    /// The optimal string alignment distance (edits and swaps of neighbours), or nil as soon as it must exceed `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if a.isEmpty { return b.count <= limit ? b.count : nil }
        if b.isEmpty { return a.count <= limit ? a.count : nil }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
