/// The best (minimum) and median of repeated measurements.
struct Summary: Sendable {
    /// The smallest value.
    var best: Double
    /// The median value.
    var median: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        best = sorted.first ?? .nan
        if sorted.isEmpty {
            median = .nan
        } else if sorted.count % 2 == 1 {
            median = sorted[sorted.count / 2]
        } else {
            median = (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
    }
}
