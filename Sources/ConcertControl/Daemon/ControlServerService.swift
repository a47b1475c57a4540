import ServiceLifecycle
import Varlink

/// Runs the Varlink control server as a service: on graceful shutdown it stops accepting,
/// lets calls in flight finish within the grace period, and returns.
struct ControlServerService: Service {
    let server: VarlinkServer

    func run() async throws {
        let server = self.server
        try await withGracefulShutdownHandler {
            try await server.run()
        } onGracefulShutdown: {
            server.triggerGracefulShutdown()
        }
    }
}
