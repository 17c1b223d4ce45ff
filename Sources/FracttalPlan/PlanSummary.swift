/// How many actions of each type a plan holds, and how many declared objects need none.
public struct PlanSummary: Sendable, Hashable, Codable {
    /// Objects to create.
    public var create: Int
    /// Objects to change in place.
    public var update: Int
    /// Consumers to delete and create again.
    public var replace: Int
    /// Objects to delete.
    public var delete: Int
    /// Secrets to rotate.
    public var rotateSecret: Int
    /// Declared objects that are live and get no action.
    public var unchanged: Int

    /// Every count defaults to zero, so a summary names only the action types it has.
    public init(create: Int = 0, update: Int = 0, replace: Int = 0, delete: Int = 0, rotateSecret: Int = 0, unchanged: Int = 0) {
        self.create = create
        self.update = update
        self.replace = replace
        self.delete = delete
        self.rotateSecret = rotateSecret
        self.unchanged = unchanged
    }

    /// Counts the actions of a plan.
    public init(actions: [PlanAction], unchanged: Int) {
        self.init(unchanged: unchanged)
        for action in actions {
            switch action.action {
            case .create: create += 1
            case .update: update += 1
            case .replace: replace += 1
            case .delete: delete += 1
            case .rotateSecret: rotateSecret += 1
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case create, update, replace, delete, unchanged
        case rotateSecret = "rotate_secret"
    }
}
