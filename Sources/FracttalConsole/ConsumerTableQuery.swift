import Foundation

/// What the OAuth Consumers table is asked to show: a filter, a sorted column and a page,
/// read from the page's query (`q`, `sort`, `order`, `page`).
struct ConsumerTableQuery: Sendable, Equatable {
    /// The sortable columns, by their `sort` value.
    enum Column: String, CaseIterable, Sendable {
        case name
        case description
        case grantType = "grant_type"
        case group
        case hub
        case key
        case created

        /// The column's heading, as in Fracttal's table.
        var label: String {
            switch self {
            case .name: "Name"
            case .description: "Description"
            case .grantType: "Grant type"
            case .group: "Permission group"
            case .hub: "Hub"
            case .key: "Key"
            case .created: "Credentials created (UTC)"
            }
        }
    }

    /// Text to look for in name, description, group and key; empty shows every consumer.
    var filter: String
    /// The sorted column; nil keeps creation order, as the API lists them.
    var sort: Column?
    var descending: Bool
    /// The page, from 1.
    var page: Int

    init(filter: String = "", sort: Column? = nil, descending: Bool = false, page: Int = 1) {
        self.filter = filter
        self.sort = sort
        self.descending = descending
        self.page = page
    }

    /// Reads the query; unknown or broken values fall back to the defaults.
    init(_ visit: ConsoleVisit) {
        filter = (visit.value("q") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        sort = visit.value("sort").flatMap(Column.init(rawValue:))
        descending = sort != nil && visit.value("order") == "desc"
        page = max(1, visit.value("page").flatMap { Int($0) } ?? 1)
    }

    /// The link to this query (page 1 is left out).
    var href: String {
        var items: [URLQueryItem] = []
        if !filter.isEmpty { items.append(URLQueryItem(name: "q", value: filter)) }
        if let sort {
            items.append(URLQueryItem(name: "sort", value: sort.rawValue))
            items.append(URLQueryItem(name: "order", value: descending ? "desc" : "asc"))
        }
        if page > 1 { items.append(URLQueryItem(name: "page", value: String(page))) }
        guard !items.isEmpty else { return ConsolePaths.consumers }
        var components = URLComponents()
        components.queryItems = items
        // URLComponents leaves `+` as is, which a form decoder would read as a space.
        let query = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        return "\(ConsolePaths.consumers)?\(query)"
    }

    /// The query that sorts by `column`: ascending first, descending when already ascending.
    func sorted(by column: Column) -> ConsumerTableQuery {
        ConsumerTableQuery(filter: filter, sort: column, descending: sort == column && !descending, page: 1)
    }

    /// The same query on another page.
    func onPage(_ page: Int) -> ConsumerTableQuery {
        ConsumerTableQuery(filter: filter, sort: sort, descending: descending, page: page)
    }
}
