import Foundation
import FracttalModel
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the process's own standard output and error: all of the text at once, and without a trap
/// when the reader has gone away (`fracttal plan | head -1`).
///
/// A reader that goes away is not a failure of the command, so it ends quietly, as the default action
/// of SIGPIPE ends `cat` or `yes` (a shell shows status 141). Some library of the process ignores
/// SIGPIPE, so a write to a closed pipe fails with EPIPE instead of ending the process; this puts the
/// default action back at that moment. While an apply makes changes, the first closed stream asks it to
/// stop as the first Ctrl-C would, so that it never ends between a change and the secret it delivers.
enum StandardDescriptor {
    /// The descriptors whose reader has gone: what is written to them afterwards is dropped.
    private static let closed = Mutex<Set<Int32>>([])

    /// Writes `text` to standard output; a failure other than a closed pipe (a full disk) ends the
    /// command with exit status 1, so that nothing half-said looks like a success.
    static func writeOutput(_ text: String) {
        guard let failure = writeAll(text, to: STDOUT_FILENO) else { return }
        let reason = String(cString: strerror(failure))
        _ = writeAll(
            "error: cannot write to standard output (\(reason)); check the file or device it is redirected to. [\(Diagnostic.Code.outputUnwritable)]\n",
            to: STDERR_FILENO)
        exit(1)
    }

    /// Writes `text` to standard error; a failure other than a closed pipe drops the text, since
    /// there is nowhere left to say so.
    static func writeError(_ text: String) {
        _ = writeAll(text, to: STDERR_FILENO)
    }

    /// Writes all of `text` to `descriptor`; returns the `errno` of a failure other than a closed pipe.
    private static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        if closed.withLock({ $0.contains(descriptor) }) { return nil }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written >= 0 {
                bytes = bytes.dropFirst(written)
                continue
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN:
                // A descriptor inherited in non-blocking mode: wait until the reader takes some.
                var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&waiting, 1, -1)
            case EPIPE:
                readerGone(descriptor)
                return nil
            case let failure:
                return failure
            }
        }
        return nil
    }

    /// The reader of `descriptor` has gone: stop an apply's changes gracefully, or end the process.
    private static func readerGone(_ descriptor: Int32) {
        closed.withLock { _ = $0.insert(descriptor) }
        if InterruptSignals.stopApplyingGracefully() { return }
        endAsByClosedPipe()
    }

    /// Ends the process by SIGPIPE with its default action: no message, status 141 in a shell.
    static func endAsByClosedPipe() -> Never {
        signal(SIGPIPE, SIG_DFL)
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_UNBLOCK, &pipeSignal, nil)
        raise(SIGPIPE)
        // Not reached unless the signal could not end the process.
        _exit(128 + SIGPIPE)
    }
}
