import FracttalModel
import FracttalPlan

/// What must hold before an apply changes anything.
public enum ApplyPreconditions {
    /// Refuses a plan that issues secrets without a secrets file, or whose secrets cannot be written safely.
    ///
    /// A plan issues secrets when it creates, replaces or rotates the secret of a consumer. Then `secrets`
    /// must be given (else `ApplyPreconditionError.secretsOutRequired`, naming `--secrets-out`), its folder
    /// must take a new file, the file must parse, and no two consumers may share an env NAME
    /// (`SecretSinkError`). `live` is the state the plan is applied to. Nothing is kept on disk (the folder
    /// check creates and removes a probe file).
    public static func check(_ plan: Plan, live: LiveState, secrets: SecretSink?) async throws {
        let issuing = secretIssuingActions(in: plan)
        guard !issuing.isEmpty else { return }
        guard let secrets else {
            throw ApplyPreconditionError.secretsOutRequired(issuing.map(\.address))
        }
        try await secrets.checkWritable()
        try await secrets.checkCollisions(names: issuing.map(\.address.name), liveNames: namesAfterApply(plan, live: live))
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
