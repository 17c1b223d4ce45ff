import FracttalModel

extension FracttalClient {
    /// Reads the permission catalog, every group and every consumer (the three lists concurrently).
    ///
    /// Costs one token request (when no valid token is cached), one catalog page, and one request per
    /// hundred groups and per hundred consumers.
    public func readLiveState() async throws -> LiveState {
        try await namingOwnGroup {
            async let catalog = readCatalog()
            async let groups = readGroups()
            async let consumers = readConsumers()
            let state = try await LiveState(groups: groups, consumers: consumers, catalog: catalog)
            identity.remember(state, key: configuration.credentials.key)
            return state
        }
    }

    func readCatalog() async throws -> PermissionCatalog {
        let codes = try await catalogReader().readAll()
        return PermissionCatalog(codes: codes)
    }

    func readGroups() async throws -> [LiveGroup] {
        try await groupReader().readAll()
    }

    /// Reads every live consumer.
    public func listConsumers() async throws -> [LiveConsumer] {
        try await readConsumers()
    }

    func readConsumers() async throws -> [LiveConsumer] {
        try await consumerReader().readAll()
    }

    func catalogReader() -> ListReader<PermissionCode, PermissionCode> {
        reader("permission catalog", key: { $0 }) { [executor] start, limit in
            try await executor.perform("read the permission catalog") { client in
                try await client.listPermissions(query: .init(start: Int64(start), limit: Int64(limit))).outcome()
                    .map { Page(items: try $0.data.map { try $0.model() }, total: $0.total) }
            }
        }
    }

    func groupReader() -> ListReader<LiveGroup, Int> {
        reader("permission groups", key: \.id) { [executor] start, limit in
            try await executor.perform("read the permission groups") { client in
                try await client.listGroups(query: .init(start: Int64(start), limit: Int64(limit))).outcome()
                    .map { Page(items: try $0.data.map { try $0.model() }, total: $0.total) }
            }
        }
    }

    func consumerReader() -> ListReader<LiveConsumer, String> {
        reader("OAuth consumers", key: \.key) { [executor] start, limit in
            try await executor.perform("read the OAuth consumers") { client in
                try await client.listConsumers(query: .init(start: Int64(start), limit: Int64(limit))).outcome()
                    .map { Page(items: $0.data.map(\.model), total: $0.total) }
            }
        }
    }

    private func reader<Item: Sendable, Key: Hashable & Sendable>(
        _ name: String,
        key: @escaping @Sendable (Item) -> Key,
        page: @escaping @Sendable (Int, Int) async throws -> Page<Item>
    ) -> ListReader<Item, Key> {
        ListReader(
            name: name, page: page, key: key, pageSize: Self.pageSize, concurrency: configuration.pageConcurrency,
            policy: configuration.retryPolicy, metrics: recorder, events: configuration.events
        )
    }
}
