/// One page of a list answer.
struct Page<Item: Sendable>: Sendable {
    /// The page's items.
    var items: [Item]
    /// The list's `total` at the time of the call.
    var total: Int
}

/// Reads whole lists page by page, consistently.
///
/// The first page gives `total`; the other pages are then all requested at once (up to `concurrency`;
/// the request pacer holds back whatever the rate limit's window has no room for), so that behind a
/// distant server a whole list costs two round trips rather than one per page. When any page reports another
/// `total`, or the pages do not add up to it, the list changed while being read and is read again from
/// the start (a bounded number of times). Items are de-duplicated by their identity.
struct ListReader<Item: Sendable, Key: Hashable & Sendable>: Sendable {
    /// The list's name in messages (`permission groups`).
    let name: String
    /// Reads one page.
    let page: @Sendable (_ start: Int, _ limit: Int) async throws -> Page<Item>
    /// An item's identity (group id, consumer key).
    let key: @Sendable (Item) -> Key
    let pageSize: Int
    let concurrency: Int
    let policy: RetryPolicy
    let metrics: MetricsRecorder
    let events: (@Sendable (ClientEvent) -> Void)?

    /// Every item, in the server's order, each once.
    func readAll() async throws -> [Item] {
        var read = 1
        while true {
            if let items = try await readOnce() { return items }
            guard read <= policy.maxListRereads else {
                throw FracttalAPIError.listKeptChanging(list: name, reads: read)
            }
            read += 1
            metrics.countListReread()
            events?(.listReread(list: name, read: read))
        }
    }

    /// The items not among `known`, reading only the end of the list when that is enough.
    ///
    /// Lists come in creation order, so whatever was made after the caller's snapshot lies after every
    /// item it knew. Reading from just before the known count finds it in one or two pages; when the
    /// first item read is not a known one (many deletions since), the whole list is read instead.
    func readNew(known: Set<Key>) async throws -> [Item] {
        let start = max(0, known.count - pageSize)
        if start > 0 {
            let first = try await page(start, pageSize)
            if let head = first.items.first, known.contains(key(head)) {
                var items = first.items
                var offset = start + first.items.count
                while offset < first.total {
                    let next = try await page(offset, pageSize)
                    if next.items.isEmpty { break }
                    items += next.items
                    offset += next.items.count
                }
                return Self.unique(items, key: key).filter { !known.contains(key($0)) }
            }
        }
        return try await readAll().filter { !known.contains(key($0)) }
    }

    /// One read of the whole list; nil when it changed while being read.
    private func readOnce() async throws -> [Item]? {
        let first = try await page(0, pageSize)
        let total = first.total
        let pageCount = max(1, (total + pageSize - 1) / pageSize)
        var pages: [Page<Item>?] = Array(repeating: nil, count: pageCount)
        pages[0] = first
        if pageCount > 1 {
            try await withThrowingTaskGroup(of: (Int, Page<Item>).self) { group in
                var next = 1
                func start(_ index: Int) {
                    group.addTask { [page, pageSize] in (index, try await page(index * pageSize, pageSize)) }
                }
                while next < pageCount, next <= concurrency {
                    start(next)
                    next += 1
                }
                while let (index, result) = try await group.next() {
                    pages[index] = result
                    if next < pageCount {
                        start(next)
                        next += 1
                    }
                }
            }
        }
        var items: [Item] = []
        items.reserveCapacity(total)
        for index in pages.indices {
            guard let page = pages[index], page.total == total else { return nil }
            // Each page is let go once copied, so the pages and the list are not both held whole.
            pages[index] = nil
            items += page.items
        }
        guard items.count == total else { return nil }
        return Self.unique(items, key: key)
    }

    private static func unique(_ items: [Item], key: (Item) -> Key) -> [Item] {
        var seen = Set<Key>(minimumCapacity: items.count)
        // Usually nothing repeats, and the list is answered as it is rather than copied.
        guard let repeated = items.firstIndex(where: { !seen.insert(key($0)).inserted }) else { return items }
        var result = Array(items[..<repeated])
        for item in items[(repeated + 1)...] where seen.insert(key(item)).inserted {
            result.append(item)
        }
        return result
    }
}
