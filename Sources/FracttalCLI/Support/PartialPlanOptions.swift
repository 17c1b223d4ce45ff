import ArgumentParser
import FracttalModel
import FracttalPlan

/// `--target ADDRESS` (repeatable): limits `plan` and `apply` to some objects and what they need.
struct PartialPlanOptions: ParsableArguments {
    @Option(
        name: .customLong("target"),
        help: ArgumentHelp(
            "Plan only this object and what it needs, such as consumer[\"erp-sync\"] or group[\"Integraciones\"]; repeatable.",
            valueName: "address"))
    var targets: [String] = []

    /// The parsed addresses, in the order given.
    var addresses: [ResourceAddress] { targets.compactMap(ResourceAddress.init(parsing:)) }

    func validate() throws {
        for text in targets where ResourceAddress(parsing: text) == nil {
            throw ValidationError(
                "--target \(DisplayText.quoted(text)) is not an address; write consumer[\"NAME\"] or group[\"NAME\"] (quote it for the shell: --target 'consumer[\"erp-sync\"]')")
        }
    }
}
