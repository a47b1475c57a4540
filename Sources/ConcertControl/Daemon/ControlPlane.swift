import ConcertAgents
import ConcertStore
import Varlink

/// Assembles the control socket's service: `org.varlink.service` and every `io.concert`
/// interface, each description served verbatim.
public enum ControlPlane {
    public static let vendor = "Concert"
    public static let product = "concertd"
    public static let url = "https://concert.example.org/"

    public static func service(
        ledger: Ledger, store: any EventStore, timeline: Timeline, context: DaemonContext, courier: Courier? = nil
    ) throws -> VarlinkService {
        var service = VarlinkService(vendor: vendor, product: product, version: context.version, url: url)
        try service.register(
            interfaceDescription: InterfaceDescriptions.plan, handler: PlanInterface.router(ledger: ledger, now: context.now))
        try service.register(
            interfaceDescription: InterfaceDescriptions.progress, handler: ProgressInterface.router(ledger: ledger))
        try service.register(
            interfaceDescription: InterfaceDescriptions.events, handler: EventsInterface.router(ledger: ledger, store: store))
        try service.register(
            interfaceDescription: InterfaceDescriptions.clock, handler: ClockInterface.router(ledger: ledger, timeline: timeline))
        try service.register(
            interfaceDescription: InterfaceDescriptions.calendar,
            handler: CalendarInterface.router(ledger: ledger, now: context.now))
        try service.register(
            interfaceDescription: InterfaceDescriptions.simulation,
            handler: SimulationInterface.router(ledger: ledger, now: context.now))
        try service.register(
            interfaceDescription: InterfaceDescriptions.meetings,
            handler: MeetingsInterface.router(ledger: ledger, now: context.now))
        try service.register(
            interfaceDescription: InterfaceDescriptions.tasks, handler: TasksInterface.router(ledger: ledger, now: context.now))
        try service.register(
            interfaceDescription: InterfaceDescriptions.focalPoints,
            handler: FocalPointsInterface.router(ledger: ledger, now: context.now))
        try service.register(
            interfaceDescription: InterfaceDescriptions.notices, handler: NoticesInterface.router(courier: courier))
        try service.register(
            interfaceDescription: InterfaceDescriptions.escalations,
            handler: EscalationsInterface.router(ledger: ledger, now: context.now))
        try service.register(
            interfaceDescription: InterfaceDescriptions.daemon, handler: DaemonInterface.router(ledger: ledger, context: context))
        return service
    }

    /// The interface descriptions this build serves, for tests and documentation.
    public static var interfaceDescriptions: [String] { InterfaceDescriptions.all }
}
