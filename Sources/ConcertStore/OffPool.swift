import Dispatch

/// Runs blocking work (opening files, closing connections) on a Dispatch queue,
/// so that it never occupies a thread of Swift's cooperative pool.
enum OffPool {
    private static let queue = DispatchQueue(
        label: "concert.store.blocking", qos: .userInitiated, attributes: .concurrent)

    /// Runs `work` on a Dispatch queue and returns its result.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
