import FracttalSandbox
import Hummingbird

/// The permission group pages: the list, the new and edit form with the catalog as checkboxes,
/// and delete, where the server's 409 rules are shown in words.
extension Console {
    func groupList(_ visit: ConsoleVisit) async throws -> Response {
        let session = try session(visit)
        let groups = try await store.allGroups()
        var consumersByGroup: [Int64: Int] = [:]
        for consumer in try await store.allConsumers() { consumersByGroup[consumer.groupID, default: 0] += 1 }
        let rows = groups.map { group in
            GroupListView.Row(
                name: group.name, description: group.description, isDefault: group.isDefault,
                permissionCount: group.permissions.count, accountsCount: group.accountsCount,
                consumerCount: consumersByGroup[group.id] ?? 0,
                editHref: ConsolePaths.editGroup(group.id), deleteHref: ConsolePaths.deleteGroup(group.id)
            )
        }
        let view = GroupListView(
            chrome: chrome("Permission groups", .groups, session), rows: rows,
            summary: ConsoleText.count(groups.count, "group", "groups")
        )
        return renderer.page(.groups, view)
    }

    func newGroup(_ visit: ConsoleVisit) async throws -> Response {
        groupForm(try session(visit), live: nil, values: GroupFormValues(), problems: [])
    }

    func createGroup(_ visit: ConsoleVisit) async throws -> Response {
        let session = try session(visit)
        let fields: ValidatedGroup
        do {
            fields = try BodyValidation.group(GroupInputBody(consoleForm: visit))
        } catch let failure as APIFailure {
            return groupForm(session, live: nil, values: GroupFormValues(visit), problems: failure.problems)
        }
        let group = try await store.createGroup(fields, now: clock.now())
        sessions.setNotice("Created the permission group “\(group.name)”.", for: session)
        return ConsoleResponses.seeOther(ConsolePaths.groups)
    }

    func editGroup(_ visit: ConsoleVisit, _ id: Int64?) async throws -> Response {
        let session = try session(visit)
        guard let id, let live = try await store.group(id: id) else { return groupNotFound(session) }
        return groupForm(session, live: live, values: GroupFormValues(live), problems: [])
    }

    func updateGroup(_ visit: ConsoleVisit, _ id: Int64?) async throws -> Response {
        let session = try session(visit)
        guard let id, let live = try await store.group(id: id) else { return groupNotFound(session) }
        let fields: ValidatedGroup
        do {
            fields = try BodyValidation.group(GroupInputBody(consoleForm: visit))
        } catch let failure as APIFailure {
            return groupForm(session, live: live, values: GroupFormValues(visit), problems: failure.problems)
        }
        guard let group = try await store.replaceGroup(id: id, fields, now: clock.now()) else {
            return groupNotFound(session)
        }
        sessions.setNotice("Saved the permission group “\(group.name)”.", for: session)
        return ConsoleResponses.seeOther(ConsolePaths.groups)
    }

    func confirmGroupDelete(_ visit: ConsoleVisit, _ id: Int64?) async throws -> Response {
        let session = try session(visit)
        guard let id, let group = try await store.group(id: id) else { return groupNotFound(session) }
        return try await groupDeletePage(session, group, conflict: nil)
    }

    /// Deletes the group, or shows why the server refuses (409): the default group, user
    /// accounts still assigned, or consumers that use it.
    func deleteGroup(_ visit: ConsoleVisit, _ id: Int64?) async throws -> Response {
        let session = try session(visit)
        guard let id else { return groupNotFound(session) }
        let refusal: APIFailure
        switch try await store.deleteGroup(id: id) {
        case .deleted(let group):
            sessions.setNotice("Deleted the permission group “\(group.name)”.", for: session)
            return ConsoleResponses.seeOther(ConsolePaths.groups)
        case .notFound: return groupNotFound(session)
        case .isDefault: refusal = .defaultGroup
        case .hasAccounts(let count): refusal = .groupHasAccounts(count)
        case .usedBy(let consumers): refusal = .groupUsedBy(consumers)
        }
        guard let group = try await store.group(id: id) else { return groupNotFound(session) }
        return try await groupDeletePage(session, group, conflict: refusal)
    }

    private func groupDeletePage(_ session: ConsoleSession, _ group: GroupPayload, conflict: APIFailure?) async throws
        -> Response
    {
        let users = try await store.allConsumers().filter { $0.groupID == group.id }.map(\.name)
        let view = GroupDeleteView(
            chrome: chrome("Delete permission group", .groups, session),
            name: group.name, isDefault: group.isDefault, accountsCount: group.accountsCount,
            consumerNames: users, conflict: conflict?.message,
            action: ConsolePaths.deleteGroup(group.id), cancelHref: ConsolePaths.editGroup(group.id)
        )
        return renderer.page(.groupDelete, view, status: conflict?.status ?? .ok)
    }

    /// The new or edit form, with the refused fields beside their inputs (status 400 when any).
    private func groupForm(
        _ session: ConsoleSession, live: GroupPayload?, values: GroupFormValues, problems: [FieldViolation]
    ) -> Response {
        let isNew = live == nil
        let lines = ConsoleText.errorLines(problems, shown: [.name, .description, .permissions])
        let chosen = Set(values.permissions)
        let modules = ContractCatalog.modules.map { module in
            GroupFormView.Module(
                name: module.name,
                label: module.noun.prefix(1).uppercased() + module.noun.dropFirst(),
                cells: ContractCatalog.crud.map { action in
                    let code = "\(module.name):\(action)"
                    return GroupFormView.Cell(
                        code: module.actions.contains(action) ? code : nil,
                        description: "\(action) \(module.noun)",
                        checked: chosen.contains(code)
                    )
                }
            )
        }
        let view = GroupFormView(
            chrome: chrome(isNew ? "New permission group" : "Edit permission group", .groups, session),
            heading: isNew ? "New permission group" : "Edit “\(live?.name ?? "")”",
            isNew: isNew,
            action: live.map { ConsolePaths.group($0.id) } ?? ConsolePaths.groups,
            submitLabel: isNew ? "Create" : "Save",
            name: values.name, description: values.description, isDefault: live?.isDefault ?? false,
            actions: ContractCatalog.crud, modules: modules,
            hasErrors: !problems.isEmpty, errors: lines.byField, otherErrors: lines.others,
            deleteHref: live.map { ConsolePaths.deleteGroup($0.id) }
        )
        return renderer.page(.groupForm, view, status: problems.isEmpty ? .ok : .badRequest)
    }

    private func groupNotFound(_ session: ConsoleSession) -> Response {
        notFound(
            "No permission group has this id; it may have been deleted.", session: session,
            back: ConsoleLink(href: ConsolePaths.groups, label: "Permission groups")
        )
    }
}

/// What the group form shows in its inputs: a live group's fields, or what was sent.
struct GroupFormValues {
    var name = ""
    var description = ""
    var permissions: [String] = []

    init() {}

    init(_ live: GroupPayload) {
        name = live.name
        description = live.description ?? ""
        permissions = live.permissions
    }

    /// The values sent, shown again as typed beside what the server refused.
    init(_ visit: ConsoleVisit) {
        name = visit.value(WireField.name.rawValue) ?? ""
        description = visit.value(WireField.description.rawValue) ?? ""
        permissions = visit.form.values(of: WireField.permissions.rawValue)
    }
}
