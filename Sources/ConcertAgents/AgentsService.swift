import Logging
import ServiceLifecycle

/// Runs the timeline and the agents as one service; they stop on graceful shutdown.
public struct AgentsService: Service {
    public let timeline: Timeline
    public let monitor: Monitor
    public let bodies: [BodyAgent]
    public let postman: Postman?
    public let courier: Courier?

    public init(
        timeline: Timeline, monitor: Monitor, bodies: [BodyAgent] = [], postman: Postman? = nil, courier: Courier? = nil
    ) {
        self.timeline = timeline
        self.monitor = monitor
        self.bodies = bodies
        self.postman = postman
        self.courier = courier
    }

    public func run() async throws {
        let timeline = self.timeline
        let monitor = self.monitor
        let postman = self.postman
        await postman?.start()
        await courier?.start()
        await monitor.start()
        for body in bodies { await body.start() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await timeline.run() }
            group.addTask { await monitor.run() }
            for body in bodies { group.addTask { await body.run() } }
            if let postman { group.addTask { await postman.run() } }
            try? await gracefulShutdown()
            await timeline.stop()
            await courier?.feed.finish()
            group.cancelAll()
        }
    }
}
