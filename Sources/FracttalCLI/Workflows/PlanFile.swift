import Foundation
import FracttalPlan

/// Saves and loads plan files (`plan --out`, `apply --plan`, `show`).
enum PlanFile {
    /// Writes the plan as JSON, atomically, so a reader never sees half a plan.
    static func write(_ plan: Plan, to path: String) throws {
        do {
            let json = CommandContext.current.redacted(String(decoding: plan.encodedJSON(), as: UTF8.self))
            try Data(json.utf8).write(to: URL(fileURLWithPath: CommandContext.current.location(of: path)), options: .atomic)
        } catch {
            throw CommandFailure(.planUnwritable, "cannot write the plan to \(path) (\(FileErrorReason.of(error))); check that its folder exists and is writable.")
        }
    }

    /// Reads a saved plan, refusing files that are not plans of this format version.
    static func read(from path: String) throws -> Plan {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: CommandContext.current.location(of: path)))
        } catch {
            throw CommandFailure(.planFileUnreadable, "cannot read the plan file \(path) (\(FileErrorReason.of(error))); check the path, or make the plan with `fracttal plan --out \(path)`.")
        }
        do {
            return try Plan.decode(from: data)
        } catch {
            throw CommandFailure(.planFileUnusable, "\(path) \(unusable(error)), so make it again with `fracttal plan --out \(path)`.")
        }
    }

    /// What is wrong with a file that is no plan this version can apply, as the middle of one sentence
    /// (the decoder's own sentences end in advice of their own, which the message gives once).
    private static func unusable(_ error: any Error) -> String {
        switch error as? PlanFileError {
        case .notAPlan:
            "is not a fracttal plan (it has no format_version)"
        case .unsupportedFormatVersion(let version):
            "has format_version \(version), but this fracttal reads only format_version \(Plan.currentFormatVersion)"
        case .malformed(let detail):
            "is a damaged plan (\(detail))"
        case .edited:
            "was edited after it was made (its actions do not match their digest); review the changes"
        case nil:
            "is not a usable plan (\(error))"
        }
    }
}
