import Synchronization

/// One action's hold on a call slot of the applier, given back at most once: when the action's calls
/// are done and before it waits for its secret to reach the disk, or when it ends.
final class CallSlot: Sendable {
    private let onRelease: @Sendable () -> Void
    private let held = Mutex(true)

    /// A held slot; `onRelease` runs when it is given back.
    init(onRelease: @escaping @Sendable () -> Void) {
        self.onRelease = onRelease
    }

    /// Gives the slot back; later calls do nothing.
    func release() {
        let wasHeld = held.withLock { held in
            defer { held = false }
            return held
        }
        if wasHeld { onRelease() }
    }
}
