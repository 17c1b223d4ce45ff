/// The live consumers and groups that no file declares and that a plan without `prune` leaves alone
/// (the tool's own consumer, the default group and protected objects are not listed).
public struct UndeclaredObjects: Sendable, Hashable, Codable {
    /// A live consumer by name and key.
    public struct Consumer: Sendable, Hashable, Codable {
        /// Its live name.
        public var name: String
        /// Its key.
        public var key: String

        /// Takes the live name and key.
        public init(name: String, key: String) {
            self.name = name
            self.key = key
        }
    }

    /// A live group by name and id.
    public struct Group: Sendable, Hashable, Codable {
        /// Its live name.
        public var name: String
        /// The server's id.
        public var id: Int

        /// Takes the live name and id.
        public init(name: String, id: Int) {
            self.name = name
            self.id = id
        }
    }

    /// The undeclared consumers, in live order.
    public var consumers: [Consumer]
    /// The undeclared groups, in live order.
    public var groups: [Group]

    /// Lists them as given.
    public init(consumers: [Consumer] = [], groups: [Group] = []) {
        self.consumers = consumers
        self.groups = groups
    }
}
