import ConcertCore
import Foundation

/// A plan with one committee whose members' focal points have (mostly) e-mail addresses, and
/// the way the ledger applies commands to a state.
enum NoticeFixtures {
    static let zone = TimeZone(identifier: "Europe/Lisbon")!

    static func mail(_ address: String) -> [ContactChannel] { [ContactChannel(kind: .email, address: address)] }

    static let committee = Body(
        id: "committee", name: "Interministerial Committee", kind: .committee, chair: "pcm", secretariat: "aima",
        members: ["pcm", "mne", "mai"], cadence: "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU", firstMeeting: "2026-01-13T10:00",
        timeZone: "Europe/Lisbon", durationMinutes: 120, venues: ["Presidency, Lisbon"],
        standingAgenda: ["State of play", "Overdue measures"])

    static let plan = Plan(
        id: "pnip", title: "Test plan", timeZone: "Europe/Lisbon", start: CalendarDate(iso: "2020-01-01")!,
        end: CalendarDate(iso: "2030-12-31")!,
        measures: [
            Measure(
                id: "M01", title: "e-VISA portal", axis: 1, objectives: [1], responsible: "mne",
                deadline: CalendarDate(iso: "2029-06-30"))
        ],
        entities: [
            Entity(id: "pcm", name: "Presidency", kind: .areaOfGovernment),
            Entity(id: "mne", name: "Foreign Affairs", kind: .areaOfGovernment),
            Entity(id: "mai", name: "Home Affairs", kind: .areaOfGovernment),
            Entity(id: "aima", name: "AIMA", kind: .institute),
        ],
        focalPoints: [
            FocalPoint(id: "pcm-p", entity: "pcm", level: .political, name: "Ana Sousa", channels: mail("ana@pcm.pt")),
            FocalPoint(id: "pcm-t", entity: "pcm", level: .technical, name: "Rui Lopes", channels: mail("rui@pcm.pt")),
            FocalPoint(
                id: "mne-p", entity: "mne", level: .political, name: "João Mendes", channels: mail("joao@mne.pt"),
                deputy: "mne-d"),
            FocalPoint(
                id: "mne-d", entity: "mne", level: .political, name: "Marta Reis", channels: mail("marta@mne.pt")),
            FocalPoint(id: "mne-t", entity: "mne", level: .technical, name: "No Mail"),
            FocalPoint(
                id: "mai-p", entity: "mai", level: .political, name: "Luís Costa", channels: mail("luis@mai.pt")),
            FocalPoint(
                id: "aima-t", entity: "aima", level: .technical, name: "Secretariado Técnico",
                channels: mail("secretariado@aima.pt")),
        ],
        bodies: [committee],
        calendar: BusinessCalendarDeclaration(holidays: [
            Holiday(date: CalendarDate(iso: "2027-04-13")!, name: "Founders' Day")
        ]))

    static let agent = Author.agent("committee")
    static let coordinator = Author.user(uid: 1000, name: "ana", role: .coordinator)

    static func at(_ text: String) -> Date { LocalDateTime(iso: text)!.instant(in: zone) }
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    static let stamp = at("2027-01-03T12:00")

    static var calendar: BusinessCalendar { (try? plan.businessCalendar())! }

    /// The committee's meetings as its cadence and the calendar place them in 2027.
    static var planned2027: [PlannedMeeting] {
        plan.plannedMeetings(
            of: committee, from: at("2027-01-01T00:00"), through: at("2027-12-31T23:59"), calendar: calendar)
    }

    /// Decides a command and folds its events in, as the ledger does.
    static func apply(
        _ command: PlanCommand, by author: Author = coordinator, to state: inout PlanState, at: Date
    ) throws(CommandRejection) {
        let envelope = CommandEnvelope(author: author, command: command)
        for event in try state.decide(envelope, now: at) {
            state.evolve(
                RecordedPlanEvent(
                    sequence: state.lastSequence + 1, recordedAt: at, author: author, commandID: envelope.id,
                    event: event))
        }
    }

    /// The January and April meetings placed on 2 January, an item added to January's.
    static func scheduled() throws -> PlanState {
        var state = PlanState(plan: plan)
        let early = at("2027-01-02T09:00")
        for meeting in planned2027.prefix(2) {
            try apply(.scheduleMeeting(meeting), by: agent, to: &state, at: early)
        }
        try apply(
            .addAgendaItem(AgendaItemRequest(meeting: "committee-2027-01-12", title: "Budget", measure: "M01")),
            to: &state, at: early)
        return state
    }

    /// ``scheduled()``, with mne's political focal point away on 5 January and the January
    /// meeting convened that day.
    static func convened() throws -> PlanState {
        var state = try scheduled()
        try apply(
            .setAway(Absence(focalPoint: "mne-p", from: day("2027-01-04"), to: day("2027-01-08"))), to: &state,
            at: at("2027-01-02T10:00"))
        try apply(.conveneMeeting(meeting: "committee-2027-01-12"), by: agent, to: &state, at: at("2027-01-05T09:00"))
        return state
    }
}
