import Foundation
import FracttalPlan

/// Saves and loads plan files (`plan --out`, `apply --plan`, `show`).
enum PlanFile {
    /// Writes the plan as JSON, atomically, so a reader never sees half a plan.
    static func write(_ plan: Plan, to path: String) throws {
        do {
            let json = StandardStreams.redacted(String(decoding: plan.encodedJSON(), as: UTF8.self))
            try Data(json.utf8).write(to: URL(fileURLWithPath: CommandContext.current.location(of: path)), options: .atomic)
        } catch {
            throw CommandFailure(.planUnwritable, "cannot write the plan to \(path): \(error.localizedDescription); check that its folder exists and is writable.")
        }
    }

    /// Reads a saved plan, refusing files that are not plans of this format version.
    static func read(from path: String) throws -> Plan {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: CommandContext.current.location(of: path)))
        } catch {
            throw CommandFailure(.planFileUnreadable, "cannot read the plan file \(path): \(error.localizedDescription).")
        }
        do {
            return try Plan.decode(from: data)
        } catch {
            throw CommandFailure(.planFileUnusable, "\(path) is not a usable plan: \(error); make a new one with `fracttal plan --out \(path)`.")
        }
    }
}
