import FracttalModel
import FracttalPlan

/// What must hold before an apply changes anything.
public enum ApplyPreconditions {
    /// Refuses a plan that issues secrets without a secret store, or whose secrets cannot be stored safely.
    ///
    /// A plan issues secrets when it creates, replaces or rotates the secret of a consumer. Then `secrets`
    /// must be given (else `ApplyPreconditionError.secretsOutRequired`, naming `--secrets-out`). A file
    /// store's folder must take a new file, and no two consumers may share an env NAME nor make a variable
    /// the tool reads (`SecretStoreError`); a helper checks its names when the marks are stored. `live` is
    /// the state the plan is applied to. Nothing is kept on disk (the folder check creates and removes a
    /// probe file).
    public static func check(_ plan: Plan, live: LiveState, secrets: StoreSession?) async throws {
        let issuing = secretIssuingActions(in: plan)
        guard !issuing.isEmpty else { return }
        guard let secrets else {
            throw ApplyPreconditionError.secretsOutRequired(issuing.map(\.address))
        }
        guard let file = secrets.store as? FileSecretStore else { return }
        try file.checkWritable()
        try file.checkNames(issuing.map(\.address.name), liveNames: namesAfterApply(plan, live: live))
    }

    /// The actions that make the server issue a secret: consumer creates, replacements and rotations.
    public static func secretIssuingActions(in plan: Plan) -> [PlanAction] {
        plan.actions.filter { action in
            action.kind == .consumer && [.create, .replace, .rotateSecret].contains(action.action)
        }
    }

    /// The name each live consumer key will carry once the plan has run; deleted and replaced keys are absent.
    static func namesAfterApply(_ plan: Plan, live: LiveState) -> [String: String] {
        var names: [String: String] = [:]
        for consumer in live.consumers { names[consumer.key] = consumer.name }
        for action in plan.actions where action.kind == .consumer {
            guard let key = action.liveKey else { continue }
            switch action.action {
            case .delete, .replace: names[key] = nil
            case .update, .rotateSecret: names[key] = action.address.name
            case .create: break
            }
        }
        return names
    }
}
