import Synchronization

/// A first-in-first-out lock for async code: one holder at a time, waiters resumed in order.
///
/// Waiting is not interrupted by cancellation; a cancelled waiter still gets the lock and is
/// expected to check for cancellation and release it. This keeps the lock simple and the
/// waits short (holders are single Varlink calls).
final class AsyncSerialLock: Sendable {
    private struct State {
        var isLocked = false
        var waiters: [CheckedContinuation<Void, Never>] = []
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    init() {}

    /// Waits until the lock is free and takes it.
    func lock() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let acquired = state.withLock { state -> Bool in
                if state.isLocked {
                    state.waiters.append(continuation)
                    return false
                }
                state.isLocked = true
                return true
            }
            if acquired {
                continuation.resume()
            }
        }
    }

    /// Releases the lock, handing it to the longest waiter if there is one.
    func unlock() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.nextWaiter < state.waiters.count else {
                state.waiters.removeAll()
                state.nextWaiter = 0
                state.isLocked = false
                return nil
            }
            let waiter = state.waiters[state.nextWaiter]
            state.nextWaiter += 1
            if state.nextWaiter > 64 && state.nextWaiter * 2 > state.waiters.count {
                state.waiters.removeFirst(state.nextWaiter)
                state.nextWaiter = 0
            }
            return waiter
        }
        next?.resume()
    }

    /// Runs `body` while holding the lock.
    func withLock<Result: Sendable>(_ body: () async throws -> Result) async rethrows -> Result {
        await lock()
        defer { unlock() }
        return try await body()
    }
}
