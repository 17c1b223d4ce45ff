/// One permission of the catalog the sandbox serves (`module:action`).
struct CatalogPermission: Sendable, Hashable {
    /// The module, e.g. `work_orders`.
    let module: String
    /// The action: `view`, `create`, `edit` or `delete`.
    let action: String
    /// A human description.
    let description: String

    /// The permission code, `module:action`.
    var code: String { "\(module):\(action)" }
}

/// The permission catalog the contract fixes: fourteen modules with view/create/edit/delete
/// (reports: view only), in a fixed order that is also the order of `GET /permissions/`.
package enum ContractCatalog {
    /// Every permission, in catalog order.
    static let all: [CatalogPermission] = modules.flatMap { module in
        module.actions.map { action in
            CatalogPermission(module: module.name, action: action, description: "\(verb(action)) \(module.noun)")
        }
    }

    /// Every code, for membership checks.
    static let codes: Set<String> = Set(all.map(\.code))

    /// The codes in catalog order.
    static let orderedCodes: [String] = all.map(\.code)

    /// The modules in catalog order: code, what it covers, and its actions.
    package static let modules: [(name: String, noun: String, actions: [String])] = [
        ("assets", "assets", crud),
        ("work_orders", "work orders", crud),
        ("work_requests", "work requests", crud),
        ("tasks", "scheduled tasks", crud),
        ("meters", "meters and readings", crud),
        ("warehouses", "warehouses and stock", crud),
        ("purchases", "purchase orders", crud),
        ("human_resources", "human resources", crud),
        ("third_parties", "third parties (customers and suppliers)", crud),
        ("documents", "documents", crud),
        ("reports", "reports", ["view"]),
        ("calendar", "the maintenance calendar", crud),
        ("security", "users and permission groups", crud),
        ("api_connections", "API connections (OAuth consumers)", crud),
    ]

    /// The four actions of most modules, in catalog order.
    package static let crud = ["view", "create", "edit", "delete"]

    private static func verb(_ action: String) -> String {
        switch action {
        case "view": "View"
        case "create": "Create"
        case "edit": "Edit"
        default: "Delete"
        }
    }
}
