/// The `io.concert` interface descriptions, embedded verbatim from `Interfaces/*.varlink` at
/// build time, so an installed binary needs no resource files beside it.
enum InterfaceDescriptions {
    static let plan = String(decoding: PackageResources.io_concert_Plan_varlink, as: UTF8.self)
    static let progress = String(decoding: PackageResources.io_concert_Progress_varlink, as: UTF8.self)
    static let events = String(decoding: PackageResources.io_concert_Events_varlink, as: UTF8.self)
    static let daemon = String(decoding: PackageResources.io_concert_Daemon_varlink, as: UTF8.self)
    static let clock = String(decoding: PackageResources.io_concert_Clock_varlink, as: UTF8.self)
    static let calendar = String(decoding: PackageResources.io_concert_Calendar_varlink, as: UTF8.self)

    static let simulation = String(decoding: PackageResources.io_concert_Simulation_varlink, as: UTF8.self)
    static let meetings = String(decoding: PackageResources.io_concert_Meetings_varlink, as: UTF8.self)
    static let tasks = String(decoding: PackageResources.io_concert_Tasks_varlink, as: UTF8.self)
    static let focalPoints = String(decoding: PackageResources.io_concert_FocalPoints_varlink, as: UTF8.self)
    static let notices = String(decoding: PackageResources.io_concert_Notices_varlink, as: UTF8.self)
    static let escalations = String(decoding: PackageResources.io_concert_Escalations_varlink, as: UTF8.self)

    static var all: [String] {
        [
            plan, progress, events, daemon, clock, calendar, simulation, meetings, tasks, focalPoints, notices, escalations,
        ]
    }
}
