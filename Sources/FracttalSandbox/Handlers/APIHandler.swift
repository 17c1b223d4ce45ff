import Foundation
import OpenAPIRuntime

/// The `/api` operations of schemas/openapi.yaml (the generated `APIProtocol`). Middleware has
/// already checked the token and the rate limit; each operation checks its permission,
/// validates, and calls the store. Failures are thrown as `APIFailure`.
struct APIHandler: APIProtocol {
    let store: SandboxStore
    let clock: any SandboxClock

    /// Served by `TokenRoute` outside `/api`; never registered here.
    func requestToken(_ input: Operations.RequestToken.Input) async throws -> Operations.RequestToken.Output {
        throw APIFailure.unknownPath
    }

    func listPermissions(_ input: Operations.ListPermissions.Input) async throws
        -> Operations.ListPermissions.Output
    {
        let scope = try RequestScope.require()
        let paging = try Paging(start: input.query.start, limit: input.query.limit)
        let page = paging.slice(ContractCatalog.all).map {
            Components.Schemas.Permission(
                code: $0.code, module: $0.module, action: .init(rawValue: $0.action)!, description: $0.description
            )
        }
        return .ok(
            .init(
                headers: scope.headers(),
                body: .json(.init(success: true, message: "200", data: page, total: ContractCatalog.all.count))
            )
        )
    }

    // MARK: Permission groups

    func listGroups(_ input: Operations.ListGroups.Input) async throws -> Operations.ListGroups.Output {
        let scope = try RequestScope.require("security:view")
        let paging = try Paging(start: input.query.start, limit: input.query.limit)
        let (items, total) = try await store.listGroups(start: paging.start, limit: paging.limit)
        return .ok(.init(headers: scope.headers(), body: .json(.init(success: true, message: "200", data: items, total: total))))
    }

    func createGroup(_ input: Operations.CreateGroup.Input) async throws -> Operations.CreateGroup.Output {
        let scope = try RequestScope.require("security:create")
        guard case .json(let body) = input.body else { throw APIFailure.internalError }
        let fields = try BodyValidation.group(body)
        let group = try await store.createGroup(fields, now: clock.now())
        return .created(.init(headers: scope.headers(), body: .json(.init(success: true, message: "201", data: group))))
    }

    func replaceGroup(_ input: Operations.ReplaceGroup.Input) async throws -> Operations.ReplaceGroup.Output {
        let scope = try RequestScope.require("security:edit")
        guard case .json(let body) = input.body else { throw APIFailure.internalError }
        let fields = try BodyValidation.group(body)
        guard let group = try await store.replaceGroup(id: input.path.id, fields, now: clock.now()) else {
            throw APIFailure.groupNotFound(input.path.id)
        }
        return .ok(.init(headers: scope.headers(), body: .json(.init(success: true, message: "200", data: group))))
    }

    func deleteGroup(_ input: Operations.DeleteGroup.Input) async throws -> Operations.DeleteGroup.Output {
        let scope = try RequestScope.require("security:delete")
        switch try await store.deleteGroup(id: input.path.id) {
        case .deleted(let group):
            return .ok(.init(headers: scope.headers(), body: .json(.init(success: true, message: "200", data: group))))
        case .notFound: throw APIFailure.groupNotFound(input.path.id)
        case .isDefault: throw APIFailure.defaultGroup
        case .hasAccounts(let count): throw APIFailure.groupHasAccounts(count)
        case .usedBy(let consumers): throw APIFailure.groupUsedBy(consumers)
        }
    }

    // MARK: OAuth consumers

    func listConsumers(_ input: Operations.ListConsumers.Input) async throws -> Operations.ListConsumers.Output {
        let scope = try RequestScope.require("api_connections:view")
        let paging = try Paging(start: input.query.start, limit: input.query.limit)
        let (items, total) = try await store.listConsumers(start: paging.start, limit: paging.limit)
        return .ok(.init(headers: scope.headers(), body: .json(.init(success: true, message: "200", data: items, total: total))))
    }

    func createConsumer(_ input: Operations.CreateConsumer.Input) async throws -> Operations.CreateConsumer.Output {
        let scope = try RequestScope.require("api_connections:create")
        guard case .json(let body) = input.body else { throw APIFailure.internalError }
        let fields = try await BodyValidation.createConsumer(body, groupExists: store.groupExists(id:))
        let secret = RandomText.consumerSecret()
        let write = try await store.createConsumer(
            fields, key: RandomText.consumerKey(), digest: SecretDigest(hashing: secret), now: clock.now()
        )
        guard case .written(var consumer) = write else { throw APIFailure.groupVanished(fields.groupID) }
        consumer.secret = secret
        return .created(
            .init(
                headers: scope.headers(),
                body: .json(.init(success: true, message: "201", data: ConsumerWithSecretPayload(consumer)))
            )
        )
    }

    func replaceConsumer(_ input: Operations.ReplaceConsumer.Input) async throws -> Operations.ReplaceConsumer.Output {
        let scope = try RequestScope.require("api_connections:edit")
        guard case .json(let body) = input.body else { throw APIFailure.internalError }
        let key = input.path.key
        guard let live = try await store.consumer(key: key) else { throw APIFailure.consumerNotFound(key) }
        let fields = try await BodyValidation.replaceConsumer(body, live: live, groupExists: store.groupExists(id:))
        switch try await store.replaceConsumer(key: key, fields, now: clock.now()) {
        case .written(let consumer):
            return .ok(.init(headers: scope.headers(), body: .json(.init(success: true, message: "200", data: consumer))))
        case .notFound: throw APIFailure.consumerNotFound(key)
        case .unknownGroup: throw APIFailure.groupVanished(fields.groupID)
        }
    }

    func deleteConsumer(_ input: Operations.DeleteConsumer.Input) async throws -> Operations.DeleteConsumer.Output {
        let scope = try RequestScope.require("api_connections:delete")
        guard let consumer = try await store.deleteConsumer(key: input.path.key) else {
            throw APIFailure.consumerNotFound(input.path.key)
        }
        return .ok(.init(headers: scope.headers(), body: .json(.init(success: true, message: "200", data: consumer))))
    }

    func rotateConsumerSecret(_ input: Operations.RotateConsumerSecret.Input) async throws
        -> Operations.RotateConsumerSecret.Output
    {
        let scope = try RequestScope.require("api_connections:edit")
        let secret = RandomText.consumerSecret()
        let rotated = try await store.rotateSecret(
            key: input.path.key, digest: SecretDigest(hashing: secret), now: clock.now()
        )
        guard var consumer = rotated else { throw APIFailure.consumerNotFound(input.path.key) }
        consumer.secret = secret
        return .ok(
            .init(
                headers: scope.headers(),
                body: .json(.init(success: true, message: "200", data: ConsumerWithSecretPayload(consumer)))
            )
        )
    }
}
