/// Runs `work`, then `close`, whether `work` finished or threw; returns what `work` returned.
func withClosing<Result>(_ close: () async -> Void, do work: () async throws -> Result) async throws -> Result {
    let result: Result
    do {
        result = try await work()
    } catch {
        await close()
        throw error
    }
    await close()
    return result
}
