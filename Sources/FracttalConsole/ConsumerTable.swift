import Foundation
import FracttalSandbox

/// The OAuth Consumers table: every consumer with its group's name, filtered, sorted and cut
/// into pages of 100 (the API's page size). Pure, so that it is tested without a server.
struct ConsumerTable: Sendable {
    /// A consumer and the name of its permission group.
    struct Row: Sendable, Equatable {
        let consumer: ConsumerPayload
        let groupName: String
    }

    /// One page of the table.
    struct Page: Sendable, Equatable {
        let rows: [Row]
        /// How many consumers the filter kept.
        let matched: Int
        /// The page shown, from 1 (a page past the end shows the last one).
        let page: Int
        let pageCount: Int
        /// The 1-based position of the first row among those matched (0 when none).
        let firstPosition: Int
    }

    static let pageSize = Paging.maximumLimit

    /// Every consumer, in creation order.
    let rows: [Row]

    /// Pairs each consumer with its group's name (an unknown group shows its id).
    init(consumers: [ConsumerPayload], groups: [GroupPayload]) {
        let names = Dictionary(groups.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        rows = consumers.map { Row(consumer: $0, groupName: names[$0.groupID] ?? "group \($0.groupID)") }
    }

    /// The page the query asks for.
    func page(_ query: ConsumerTableQuery) -> Page {
        var matched = Array(rows.enumerated())
        if !query.filter.isEmpty {
            matched = matched.filter { Self.matches($0.element, query.filter) }
        }
        if let column = query.sort {
            matched.sort { left, right in
                let order = Self.compare(left.element, right.element, by: column)
                if order == .orderedSame { return left.offset < right.offset }
                return query.descending ? order == .orderedDescending : order == .orderedAscending
            }
        }
        let pageCount = max(1, (matched.count + Self.pageSize - 1) / Self.pageSize)
        let page = min(query.page, pageCount)
        let start = (page - 1) * Self.pageSize
        let slice = matched[start..<min(matched.count, start + Self.pageSize)].map(\.element)
        return Page(
            rows: slice, matched: matched.count, page: page, pageCount: pageCount,
            firstPosition: slice.isEmpty ? 0 : start + 1
        )
    }

    /// Whether the row holds `text` in its name, description, group name or key, ignoring case
    /// and accents.
    static func matches(_ row: Row, _ text: String) -> Bool {
        let fields = [row.consumer.name, row.consumer.description ?? "", row.groupName, row.consumer.key]
        return fields.contains { $0.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }

    /// The order of two rows by one column; text ignores case and reads digits as numbers.
    static func compare(_ left: Row, _ right: Row, by column: ConsumerTableQuery.Column) -> ComparisonResult {
        func text(_ left: String, _ right: String) -> ComparisonResult {
            left.compare(right, options: [.caseInsensitive, .numeric])
        }
        switch column {
        case .name: return text(left.consumer.name, right.consumer.name)
        case .description: return text(left.consumer.description ?? "", right.consumer.description ?? "")
        case .grantType: return text(left.consumer.grantType, right.consumer.grantType)
        case .group: return text(left.groupName, right.groupName)
        case .key: return left.consumer.key.compare(right.consumer.key)
        case .hub:
            return left.consumer.hubEnabled == right.consumer.hubEnabled
                ? .orderedSame : (left.consumer.hubEnabled ? .orderedDescending : .orderedAscending)
        case .created:
            return left.consumer.secretCreatedAt == right.consumer.secretCreatedAt
                ? .orderedSame
                : (left.consumer.secretCreatedAt < right.consumer.secretCreatedAt ? .orderedAscending : .orderedDescending)
        }
    }
}
