import Synchronization

/// A signal that fires at most once and can be awaited by one task, with cancellation.
///
/// ``wait()`` returns when ``fire()`` was called (before or during the wait) or when the
/// waiting task is cancelled. Used to watch a channel's close future from structured code.
final class OneShotSignal: Sendable {
    private enum State {
        case idle
        case waiting(CheckedContinuation<Void, Never>)
        case fired
    }

    private let state = Mutex(State.idle)

    init() {}

    /// Whether ``fire()`` has been called.
    var hasFired: Bool {
        state.withLock { state in
            if case .fired = state { return true }
            return false
        }
    }

    /// Fires the signal, resuming the waiter if there is one.
    func fire() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            switch state {
            case .waiting(let continuation):
                state = .fired
                return continuation
            case .idle:
                state = .fired
                return nil
            case .fired:
                return nil
            }
        }
        waiter?.resume()
    }

    /// Waits until the signal fires or the task is cancelled. Only one task may wait.
    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    switch state {
                    case .idle:
                        state = .waiting(continuation)
                        return false
                    case .waiting, .fired:
                        return true
                    }
                }
                if resumeNow {
                    continuation.resume()
                }
            }
        } onCancel: {
            self.fire()
        }
    }
}
