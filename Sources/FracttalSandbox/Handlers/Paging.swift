/// A validated page request: `start` at least 0 (default 0), `limit` from 1 (default 100),
/// larger limits capped at 100.
package struct Paging: Sendable, Equatable {
    package static let maximumLimit = 100

    let start: Int
    let limit: Int

    init(start: Int64?, limit: Int64?) throws {
        var problems: [FieldViolation] = []
        let start = start ?? 0
        let limit = limit ?? Int64(Self.maximumLimit)
        if start < 0 { problems.append(FieldViolation("start", "must be 0 or more")) }
        if limit < 1 { problems.append(FieldViolation("limit", "must be from 1 to 100 (larger values are capped at 100)")) }
        guard problems.isEmpty else { throw APIFailure.invalid(problems) }
        self.start = Int(clamping: start)
        self.limit = Int(min(limit, Int64(Self.maximumLimit)))
    }

    /// This page of an in-memory list.
    func slice<Item>(_ items: [Item]) -> [Item] {
        guard start < items.count else { return [] }
        return Array(items[start..<min(items.count, start + limit)])
    }
}
