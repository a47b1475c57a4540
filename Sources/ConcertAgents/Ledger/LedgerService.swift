import ServiceLifecycle

/// Runs the ledger's writer as a service: on graceful shutdown (or cancellation) it stops
/// taking commands, writes what is already waiting, takes a snapshot and returns.
public struct LedgerService: Service {
    public let ledger: Ledger

    public init(ledger: Ledger) {
        self.ledger = ledger
    }

    public func run() async throws {
        let ledger = self.ledger
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await ledger.runWriter()
            } onGracefulShutdown: {
                Task { await ledger.stop() }
            }
        } onCancel: {
            Task { await ledger.stop() }
        }
    }
}
