import ConcertCore
import Foundation

/// A small plan with one ordinary, one continuous and one indicator-bearing measure.
enum Fixtures {
    static let plan = Plan(
        id: "test", title: "Test plan", timeZone: "Europe/Lisbon",
        start: CalendarDate(iso: "2020-01-01")!, end: CalendarDate(iso: "2030-12-31")!,
        axes: [Axis(number: 1, title: "Safe migration"), Axis(number: 2, title: "Borders")],
        objectives: [Objective(number: 1, title: "Data"), Objective(number: 9, title: "Smuggling")],
        thematicAreas: [ThematicArea(number: 1, title: "Facts", objectives: [1])],
        measures: [
            Measure(
                id: "M01", title: "e-VISA portal", axis: 1, objectives: [1], responsible: "mne",
                coResponsible: ["aima"], deadline: CalendarDate(iso: "2024-06-30")),
            Measure(
                id: "M02", title: "Helpline", axis: 2, objectives: [9], responsible: "aima",
                deadline: nil, continuous: true),
            Measure(
                id: "M03", title: "Courses", axis: 1, objectives: [1, 9], responsible: "mtsss",
                deadline: CalendarDate(iso: "2027-12-31"),
                indicators: [Indicator(name: "learners", unit: "people", target: 1000)]),
        ],
        entities: [
            Entity(id: "mne", name: "Foreign Affairs", kind: .areaOfGovernment),
            Entity(id: "aima", name: "AIMA", kind: .institute),
            Entity(id: "mtsss", name: "Labour", kind: .areaOfGovernment),
        ])

    static let coordinator = Author.user(uid: 1000, name: "ana", role: .coordinator)
    static let focalPoint = Author.user(uid: 1001, name: "rui", role: .focalPoint)
    static let observer = Author.user(uid: 1002, name: "eva", role: .observer)
    static let now = ISO8601DateFormatter().date(from: "2026-11-23T10:00:00Z")!

    /// Decides a command and folds its events in, as the ledger does.
    static func apply(
        _ command: PlanCommand, by author: Author = coordinator, to state: inout PlanState, at: Date = now
    ) throws(CommandRejection) {
        let envelope = CommandEnvelope(author: author, command: command)
        for event in try state.decide(envelope, now: at) {
            state.evolve(
                RecordedPlanEvent(
                    sequence: state.lastSequence + 1, recordedAt: at, author: author, commandID: envelope.id,
                    event: event))
        }
    }
}
