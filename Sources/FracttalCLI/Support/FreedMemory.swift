#if canImport(Glibc)
import Glibc
#endif

/// Gives back to the system the pages that freed memory leaves inside the C allocator's arenas.
///
/// glibc keeps one arena per thread and returns a freed page only from the top of an arena, so the
/// buffers of the connections that read the live state (freed on the event loops' threads) would
/// stay counted against the process while the plan is made on other threads. `malloc_trim` gives
/// them back; it is looked up at run time, so elsewhere this does nothing.
enum FreedMemory {
    /// Returns the free pages of every arena to the system; nothing is moved or freed.
    static func giveBack() {
        #if canImport(Glibc)
        // `malloc.h` is not part of the Glibc module; the symbol is found in the process (RTLD_DEFAULT).
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        let trim = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        _ = trim(0)
        #endif
    }
}
