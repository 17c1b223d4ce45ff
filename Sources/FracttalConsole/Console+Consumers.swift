import FracttalSandbox
import Hummingbird

/// The OAuth Consumers pages: the table, the new and edit form, the Credentials panel,
/// "Generate new secret", and delete.
extension Console {
    func consumerList(_ visit: ConsoleVisit) async throws -> Response {
        let session = try session(visit)
        let query = ConsumerTableQuery(visit)
        let table = ConsumerTable(consumers: try await store.allConsumers(), groups: try await store.allGroups())
        let page = table.page(query)
        let columns = ConsumerTableQuery.Column.allCases.map { column in
            let sorted = query.sort == column
            return ConsumerListView.Column(
                label: column.label,
                href: query.sorted(by: column).href,
                ariaSort: sorted ? (query.descending ? "descending" : "ascending") : nil,
                arrow: sorted ? (query.descending ? "▼" : "▲") : nil
            )
        }
        let rows = page.rows.map { row in
            let consumer = row.consumer
            return ConsumerListView.Row(
                name: consumer.name, description: consumer.description,
                grantType: ConsoleText.grantType(consumer.grantType), groupName: row.groupName,
                hub: consumer.hubEnabled, key: consumer.key,
                created: ConsoleText.date(consumer.secretCreatedAt), createdISO: ConsoleText.isoDate(consumer.secretCreatedAt),
                editHref: ConsolePaths.editConsumer(consumer.key), deleteHref: ConsolePaths.deleteConsumer(consumer.key)
            )
        }
        let shown =
            page.rows.isEmpty
            ? "No consumers" : "\(page.firstPosition)–\(page.firstPosition + page.rows.count - 1) of \(page.matched)"
        let summary =
            query.filter.isEmpty
            ? "\(shown) (\(ConsoleText.count(table.rows.count, "consumer", "consumers")))"
            : "\(shown) matching “\(query.filter)” (of \(ConsoleText.count(table.rows.count, "consumer", "consumers")))"
        let view = ConsumerListView(
            chrome: chrome("OAuth Consumers", .consumers, session),
            query: query.filter, hasQuery: !query.filter.isEmpty,
            sort: query.sort?.rawValue, order: query.sort == nil ? nil : (query.descending ? "desc" : "asc"),
            clearHref: ConsumerTableQuery(sort: query.sort, descending: query.descending).href,
            columns: columns, rows: rows, summary: summary,
            emptyText: query.filter.isEmpty ? "The company has no OAuth consumers." : "No consumer matches the filter.",
            page: page.page, pageCount: page.pageCount,
            previousHref: page.page > 1 ? query.onPage(page.page - 1).href : nil,
            nextHref: page.page < page.pageCount ? query.onPage(page.page + 1).href : nil
        )
        return renderer.page(.consumers, view)
    }

    func newConsumer(_ visit: ConsoleVisit) async throws -> Response {
        let session = try session(visit)
        return try await consumerForm(
            session, live: nil, values: ConsumerFormValues(grantType: "client_credentials"), problems: []
        )
    }

    func createConsumer(_ visit: ConsoleVisit) async throws -> Response {
        let session = try session(visit)
        let fields: ValidatedConsumer
        do {
            fields = try await BodyValidation.createConsumer(
                ConsumerCreateBody(consoleForm: visit, sendsGrantType: true), groupExists: store.groupExists(id:)
            )
        } catch let failure as APIFailure {
            return try await consumerForm(session, live: nil, values: ConsumerFormValues(visit), problems: failure.problems)
        }
        let secret = RandomText.consumerSecret()
        let write = try await store.createConsumer(
            fields, key: RandomText.consumerKey(), digest: SecretDigest(hashing: secret), now: clock.now()
        )
        guard case .written(let consumer) = write else {
            return try await consumerForm(
                session, live: nil, values: ConsumerFormValues(visit),
                problems: APIFailure.groupVanished(fields.groupID).problems
            )
        }
        sessions.holdSecret(secret, consumer: consumer.key, for: session)
        return ConsoleResponses.seeOther(ConsolePaths.credentials(consumer.key))
    }

    func editConsumer(_ visit: ConsoleVisit, _ key: String) async throws -> Response {
        let session = try session(visit)
        guard let live = try await store.consumer(key: key) else { return consumerNotFound(key, session) }
        return try await consumerForm(session, live: live, values: ConsumerFormValues(live), problems: [])
    }

    func updateConsumer(_ visit: ConsoleVisit, _ key: String) async throws -> Response {
        let session = try session(visit)
        guard let live = try await store.consumer(key: key) else { return consumerNotFound(key, session) }
        let fields: ValidatedConsumer
        do {
            fields = try await BodyValidation.replaceConsumer(
                ConsumerUpdateBody(consoleForm: visit, sendsGrantType: false), live: live, groupExists: store.groupExists(id:)
            )
        } catch let failure as APIFailure {
            return try await consumerForm(
                session, live: live, values: ConsumerFormValues(visit, live: live), problems: failure.problems
            )
        }
        switch try await store.replaceConsumer(key: key, fields, now: clock.now()) {
        case .written(let consumer):
            sessions.setNotice("Saved the OAuth consumer “\(consumer.name)”.", for: session)
            return ConsoleResponses.seeOther(ConsolePaths.consumers)
        case .notFound:
            return consumerNotFound(key, session)
        case .unknownGroup:
            return try await consumerForm(
                session, live: live, values: ConsumerFormValues(visit, live: live),
                problems: APIFailure.groupVanished(fields.groupID).problems
            )
        }
    }

    /// The Credentials panel: the secret shows here once, right after it was issued to this session.
    func credentials(_ visit: ConsoleVisit, _ key: String) async throws -> Response {
        let session = try session(visit)
        guard let consumer = try await store.consumer(key: key) else { return consumerNotFound(key, session) }
        let view = CredentialsView(
            chrome: chrome("Credentials", .consumers, session),
            name: consumer.name, key: consumer.key, secret: sessions.takeSecret(consumer: key, for: session),
            created: ConsoleText.date(consumer.secretCreatedAt), createdISO: ConsoleText.isoDate(consumer.secretCreatedAt),
            editHref: ConsolePaths.editConsumer(key), rotateAction: ConsolePaths.rotateSecret(key)
        )
        return renderer.page(.credentials, view)
    }

    /// "Generate new secret": the old secret stops working for new tokens at once.
    func rotateSecret(_ visit: ConsoleVisit, _ key: String) async throws -> Response {
        let session = try session(visit)
        let secret = RandomText.consumerSecret()
        guard try await store.rotateSecret(key: key, digest: SecretDigest(hashing: secret), now: clock.now()) != nil
        else { return consumerNotFound(key, session) }
        sessions.holdSecret(secret, consumer: key, for: session)
        return ConsoleResponses.seeOther(ConsolePaths.credentials(key))
    }

    func confirmConsumerDelete(_ visit: ConsoleVisit, _ key: String) async throws -> Response {
        let session = try session(visit)
        guard let consumer = try await store.consumer(key: key) else { return consumerNotFound(key, session) }
        let group = try await store.group(id: consumer.groupID)
        let view = ConsumerDeleteView(
            chrome: chrome("Delete OAuth consumer", .consumers, session),
            name: consumer.name, key: consumer.key, groupName: group?.name ?? "group \(consumer.groupID)",
            isBootstrap: try await store.bootstrapKey() == key,
            action: ConsolePaths.deleteConsumer(key), cancelHref: ConsolePaths.editConsumer(key)
        )
        return renderer.page(.consumerDelete, view)
    }

    func deleteConsumer(_ visit: ConsoleVisit, _ key: String) async throws -> Response {
        let session = try session(visit)
        guard let consumer = try await store.deleteConsumer(key: key) else { return consumerNotFound(key, session) }
        sessions.setNotice("Deleted the OAuth consumer “\(consumer.name)” (key \(consumer.key)).", for: session)
        return ConsoleResponses.seeOther(ConsolePaths.consumers)
    }

    /// The new or edit form, with the refused fields beside their inputs (status 400 when any).
    private func consumerForm(
        _ session: ConsoleSession, live: ConsumerPayload?, values: ConsumerFormValues, problems: [FieldViolation]
    ) async throws -> Response {
        let isNew = live == nil
        let grantType = live?.grantType ?? values.grantType
        let showsRedirect = isNew || grantType == "authorization_code"
        var shown: Set<WireField> = [.name, .description, .groupID, .hubEnabled]
        if isNew { shown.insert(.grantType) }
        if showsRedirect { shown.insert(.redirectURI) }
        let lines = ConsoleText.errorLines(problems, shown: shown)
        var groups = try await store.allGroups().map {
            OptionView(value: String($0.id), label: $0.name, selected: String($0.id) == values.groupID)
        }
        if isNew {
            groups.insert(OptionView(value: "", label: "Choose a permission group", selected: values.groupID.isEmpty), at: 0)
        }
        let view = ConsumerFormView(
            chrome: chrome(isNew ? "New OAuth consumer" : "Edit OAuth consumer", .consumers, session),
            heading: isNew ? "New OAuth consumer" : "Edit “\(live?.name ?? "")”",
            isNew: isNew,
            action: live.map { ConsolePaths.consumer($0.key) } ?? ConsolePaths.consumers,
            submitLabel: isNew ? "Create" : "Save",
            name: values.name, description: values.description,
            grantTypes: ["client_credentials", "authorization_code"].map {
                OptionView(value: $0, label: ConsoleText.grantType($0), selected: $0 == values.grantType)
            },
            grantTypeLabel: ConsoleText.grantType(grantType),
            showsRedirect: showsRedirect, redirectURI: values.redirectURI,
            groups: groups, hubEnabled: values.hubEnabled,
            hasErrors: !problems.isEmpty, errors: lines.byField, otherErrors: lines.others,
            credentials: live.map {
                ConsumerFormView.Credentials(
                    key: $0.key, created: ConsoleText.date($0.secretCreatedAt),
                    createdISO: ConsoleText.isoDate($0.secretCreatedAt),
                    rotateAction: ConsolePaths.rotateSecret($0.key), deleteHref: ConsolePaths.deleteConsumer($0.key)
                )
            }
        )
        return renderer.page(.consumerForm, view, status: problems.isEmpty ? .ok : .badRequest)
    }

    private func consumerNotFound(_ key: String, _ session: ConsoleSession) -> Response {
        notFound(
            "No OAuth consumer has the key \(key); it may have been deleted.", session: session,
            back: ConsoleLink(href: ConsolePaths.consumers, label: "OAuth Consumers")
        )
    }
}

/// What the consumer form shows in its inputs: a live consumer's fields, or what was sent.
struct ConsumerFormValues {
    var name = ""
    var description = ""
    var grantType = ""
    var groupID = ""
    var redirectURI = ""
    var hubEnabled = false

    init(grantType: String) {
        self.grantType = grantType
    }

    init(_ live: ConsumerPayload) {
        name = live.name
        description = live.description ?? ""
        grantType = live.grantType
        groupID = String(live.groupID)
        redirectURI = live.redirectURI ?? ""
        hubEnabled = live.hubEnabled
    }

    /// The values sent, shown again as typed beside what the server refused.
    init(_ visit: ConsoleVisit, live: ConsumerPayload? = nil) {
        name = visit.value(WireField.name.rawValue) ?? ""
        description = visit.value(WireField.description.rawValue) ?? ""
        grantType = live?.grantType ?? visit.value(WireField.grantType.rawValue) ?? ""
        groupID = visit.value(WireField.groupID.rawValue) ?? ""
        redirectURI = visit.value(WireField.redirectURI.rawValue) ?? ""
        hubEnabled = visit.form.values(of: WireField.hubEnabled.rawValue).contains("true")
    }
}
