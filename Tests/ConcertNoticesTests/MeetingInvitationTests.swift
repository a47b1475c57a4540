import ConcertCore
import ConcertNotices
import Foundation
import ICalendarChecker
import ICalendar
import Testing

/// A meeting becomes one iCalendar event whatever happens to it: one UID, a SEQUENCE that
/// follows the record, a status that follows the convocation, and the right people.
@Suite("meeting invitation")
struct MeetingInvitationTests {
    typealias F = NoticeFixtures

    static func meeting(_ state: PlanState, _ id: String = "committee-2027-01-12") throws -> MeetingRecord {
        try #require(state.meetings[id])
    }

    static func addresses(_ event: ICalendarEvent) -> [String] {
        event.attendees.map { "\($0.email) \($0.role.rawValue)" }
    }

    @Test func aScheduledMeetingIsTentativeWithAProvisionalAgendaForTheMembersFocalPoints() throws {
        let state = try F.scheduled()
        let event = MeetingInvitation.event(for: try Self.meeting(state), in: state, stamp: F.stamp)
        #expect(event.uid == "committee-2027-01-12@pnip.concert")
        #expect(event.sequence == 0)
        #expect(event.status == .tentative)
        #expect(event.timestamp == F.stamp)
        #expect(event.summary == "Interministerial Committee")
        #expect(event.location == "Presidency, Lisbon")
        #expect(event.start == .zoned(F.at("2027-01-12T10:00"), in: F.zone))
        #expect(event.end == .zoned(F.at("2027-01-12T12:00"), in: F.zone))
        #expect(
            event.description == "Provisional agenda:\n1. State of play\n2. Overdue measures\n3. Budget [M01]")
        #expect(event.organizer == ICalendarOrganizer(name: "Secretariado Técnico", email: "secretariado@aima.pt"))
        // Political before technical for each member; mne's technical focal point has no e-mail,
        // and João's deputy is invited only if she stands in for him at the convocation.
        #expect(
            Self.addresses(event) == [
                "ana@pcm.pt CHAIR", "rui@pcm.pt OPT-PARTICIPANT", "joao@mne.pt REQ-PARTICIPANT",
                "luis@mai.pt REQ-PARTICIPANT",
            ])
        #expect(event.attendees.allSatisfy { $0.rsvp && $0.participation == .needsAction })
        #expect(event.categories == ["committee"])
    }

    @Test func aConvenedMeetingIsConfirmedForExactlyThoseConvened() throws {
        let state = try F.convened()
        let meeting = try Self.meeting(state)
        // João is away on 5 January: his deputy Marta got the convocation instead.
        #expect(meeting.convened == ["pcm-p", "pcm-t", "mne-d", "mne-t", "mai-p"])
        let event = MeetingInvitation.event(for: meeting, in: state, stamp: F.stamp)
        #expect(event.status == .confirmed)
        #expect(event.sequence == 0)
        #expect(event.description == "Agenda:\n1. State of play\n2. Overdue measures\n3. Budget [M01]")
        #expect(
            Self.addresses(event) == [
                "ana@pcm.pt CHAIR", "rui@pcm.pt OPT-PARTICIPANT", "marta@mne.pt REQ-PARTICIPANT",
                "luis@mai.pt REQ-PARTICIPANT",
            ])

        let request = try MeetingInvitation.request(for: meeting, in: state, stamp: F.stamp)
        #expect(request.method == .request)
        #expect(request.events == [event])
        let lines = try request.serialized().replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(lines.contains("METHOD:REQUEST"))
        #expect(lines.contains("UID:committee-2027-01-12@pnip.concert"))
        #expect(lines.contains("SEQUENCE:0"))
        #expect(lines.contains("STATUS:CONFIRMED"))
        #expect(lines.contains("DTSTART;TZID=Europe/Lisbon:20270112T100000"))
        #expect(request.contentType == "text/calendar; charset=utf-8; method=REQUEST")
    }

    @Test func aRescheduleOrALateItemRaisesTheSequenceUnderTheSameUID() throws {
        var state = try F.convened()
        try F.apply(
            .rescheduleMeeting(
                MeetingReschedule(
                    meeting: "committee-2027-01-12", start: F.at("2027-01-14T15:00"), venue: "Videoconference",
                    reason: "the chair travels")), to: &state, at: F.at("2027-01-06T10:00"))
        let moved = MeetingInvitation.event(for: try Self.meeting(state), in: state, stamp: F.stamp)
        #expect(moved.uid == "committee-2027-01-12@pnip.concert")
        #expect(moved.sequence == 1)
        #expect(moved.status == .confirmed)
        #expect(moved.start == .zoned(F.at("2027-01-14T15:00"), in: F.zone))
        #expect(moved.end == .zoned(F.at("2027-01-14T17:00"), in: F.zone))
        #expect(moved.location == "Videoconference")
        #expect(moved.description?.hasPrefix("Rescheduled: the chair travels\n\nAgenda:\n1. State of play") == true)

        try F.apply(
            .addAgendaItem(AgendaItemRequest(meeting: "committee-2027-01-12", title: "Late item")), to: &state,
            at: F.at("2027-01-07T10:00"))
        let updated = try MeetingInvitation.request(for: try Self.meeting(state), in: state, stamp: F.stamp)
        #expect(updated.events.first?.sequence == 2)
        #expect(updated.events.first?.description?.hasSuffix("3. Budget [M01]\n4. Late item") == true)
        #expect(try updated.serialized().contains("SEQUENCE:2\r\n"))
    }

    @Test func aCancellationIsACancelWithTheRecordedSequence() throws {
        var state = try F.convened()
        try F.apply(
            .cancelMeeting(meeting: "committee-2027-01-12", reason: "no quorum"), to: &state,
            at: F.at("2027-01-06T10:00"))
        let meeting = try Self.meeting(state)
        #expect(meeting.sequence == 1)
        let event = MeetingInvitation.event(for: meeting, in: state, stamp: F.stamp)
        #expect(event.status == .cancelled)
        #expect(event.description?.hasPrefix("Cancelled: no quorum\n\nAgenda:") == true)

        let cancel = try MeetingInvitation.cancel(for: meeting, in: state, stamp: F.stamp)
        #expect(cancel.method == .cancel)
        #expect(cancel.events.map(\.uid) == ["committee-2027-01-12@pnip.concert"])
        #expect(cancel.events.map(\.sequence) == [1])
        #expect(cancel.events.map(\.status) == [.cancelled])
        #expect(cancel.events.first?.attendees == event.attendees, "those convened are told")
        let text = try cancel.serialized()
        #expect(text.contains("METHOD:CANCEL\r\n") && text.contains("STATUS:CANCELLED\r\n"))

        let error = #expect(throws: ICalendarError.self) {
            try MeetingInvitation.request(for: meeting, in: state, stamp: F.stamp)
        }
        #expect(error?.code == .schedulingRule)

        // A meeting cancelled before its convocation is cancelled for the members' focal points.
        try F.apply(
            .cancelMeeting(meeting: "committee-2027-04-13", reason: "merged with January's"), to: &state,
            at: F.at("2027-01-06T10:00"))
        let april = try MeetingInvitation.cancel(
            for: try Self.meeting(state, "committee-2027-04-13"), in: state, stamp: F.stamp)
        #expect(april.events.first?.attendees.count == 4)
        #expect(april.events.first?.sequence == 1)
    }

    @Test func anExtraordinaryMeetingSaysSoAndWhy() throws {
        var state = try F.scheduled()
        try F.apply(
            .callExtraordinaryMeeting(
                ExtraordinaryMeeting(
                    body: "committee", start: F.at("2027-02-03T11:00"), durationMinutes: 60, reason: "new EU pact",
                    items: ["Transposition plan"])), to: &state, at: F.at("2027-01-20T10:00"))
        let meeting = try Self.meeting(state, "committee-2027-02-03-extraordinary")
        let event = MeetingInvitation.event(for: meeting, in: state, stamp: F.stamp)
        #expect(event.uid == "committee-2027-02-03-extraordinary@pnip.concert")
        #expect(event.summary == "Extraordinary meeting: Interministerial Committee")
        #expect(event.status == .tentative)
        #expect(
            event.description
                == "Extraordinary meeting, called outside the body's cadence. Reason: new EU pact\n\n"
                + "Provisional agenda:\n1. State of play\n2. Overdue measures\n3. Transposition plan")
        #expect(event.end == .zoned(F.at("2027-02-03T12:00"), in: F.zone))
    }

    @Test func aProjectedMeetingIsTentativeAtSequenceZeroAndTellsTheHolidayMove() throws {
        let state = PlanState(plan: F.plan)
        let april = try #require(F.planned2027.first { $0.id == "committee-2027-04-13" })
        #expect(april.start == F.at("2027-04-14T10:00"))
        let event = MeetingInvitation.event(for: april, in: state, stamp: F.stamp)
        #expect(event.uid == "committee-2027-04-13@pnip.concert")
        #expect(event.sequence == 0)
        #expect(event.status == .tentative)
        #expect(
            event.description
                == "Moved from 2027-04-13 (Founders' Day).\n\nProvisional agenda:\n1. State of play\n2. Overdue measures"
        )
        #expect(event.attendees.count == 4)

        // Once recorded, the same meeting is the same event.
        let recorded = try F.scheduled()
        let record = try Self.meeting(recorded, "committee-2027-04-13")
        #expect(MeetingInvitation.event(for: record, in: recorded, stamp: F.stamp).description == event.description)
        #expect(MeetingInvitation.event(for: record, in: recorded, stamp: F.stamp).uid == event.uid)
    }

    @Test func aMessageNeedsAnOrganizerAndAnAttendee() throws {
        var plan = F.plan
        plan.focalPoints = plan.focalPoints.filter { $0.entity != "aima" && $0.entity != "pcm" }
        var state = PlanState(plan: plan)
        try F.apply(.scheduleMeeting(F.planned2027[0]), by: F.agent, to: &state, at: F.at("2027-01-02T09:00"))
        let meeting = try Self.meeting(state)
        #expect(MeetingInvitation.event(for: meeting, in: state, stamp: F.stamp).organizer == nil)
        let error = #expect(throws: ICalendarError.self) {
            try MeetingInvitation.request(for: meeting, in: state, stamp: F.stamp)
        }
        #expect(error?.code == .schedulingRule)
        #expect(error?.message.contains("no organizer") == true)
    }

    /// Python's icalendar reads the messages and a feed as the record says.
    @Test func pythonReadsTheRequestTheCancelAndTheFeed() throws {
        var state = try F.convened()
        let window = (F.at("2027-01-01T00:00"), F.at("2027-06-30T00:00"))
        let request = try MeetingInvitation.request(for: try Self.meeting(state), in: state, stamp: F.stamp)
        let sent = try PythonChecker.check(try request.serialized(), from: window.0, to: window.1)
        #expect(sent.problems.isEmpty, "\(sent.problems)")
        #expect(sent.method == "REQUEST")
        let occurrence = try #require(sent.occurrences.first)
        #expect(occurrence.uid == "committee-2027-01-12@pnip.concert")
        #expect(occurrence.start == "2027-01-12T10:00:00Z")
        #expect(occurrence.status == "CONFIRMED")
        #expect(occurrence.sequence == 0)
        #expect(occurrence.organizer?.address == "mailto:secretariado@aima.pt")
        #expect(occurrence.attendees.map(\.role) == ["CHAIR", "OPT-PARTICIPANT", "REQ-PARTICIPANT", "REQ-PARTICIPANT"])
        #expect(occurrence.attendees.allSatisfy { $0.rsvp == "TRUE" && $0.participation == "NEEDS-ACTION" })
        #expect(occurrence.description?.contains("3. Budget [M01]") == true)

        try F.apply(
            .cancelMeeting(meeting: "committee-2027-01-12", reason: "no quorum"), to: &state,
            at: F.at("2027-01-06T10:00"))
        let cancel = try MeetingInvitation.cancel(for: try Self.meeting(state), in: state, stamp: F.stamp)
        let cancelled = try PythonChecker.check(try cancel.serialized(), from: window.0, to: window.1)
        #expect(cancelled.problems.isEmpty, "\(cancelled.problems)")
        #expect(cancelled.method == "CANCEL")
        #expect(cancelled.occurrences.map(\.status) == ["CANCELLED"])
        #expect(cancelled.occurrences.map(\.sequence) == [1])
        #expect(cancelled.occurrences.map(\.uid) == [occurrence.uid])

        // A feed: the recorded meetings (January cancelled, April scheduled), then a projected one.
        let july = try #require(F.planned2027.first { $0.id == "committee-2027-07-13" })
        let feed = MeetingInvitation.document(
            events: state.meetings.values.sorted { $0.start < $1.start }.map {
                MeetingInvitation.event(for: $0, in: state, stamp: F.stamp)
            } + [MeetingInvitation.event(for: july, in: state, stamp: F.stamp)])
        // The VTIMEZONE covers the events' span (through July), so the zone is sampled up to August.
        let read = try PythonChecker.check(try feed.serialized(), from: window.0, to: F.at("2027-08-31T00:00"))
        #expect(read.problems.isEmpty, "\(read.problems)")
        #expect(read.method == "PUBLISH")
        #expect(read.occurrences.map(\.status) == ["CANCELLED", "TENTATIVE", "TENTATIVE"])
        #expect(read.occurrences.map(\.sequence) == [1, 0, 0])
        #expect(
            read.occurrences.map(\.start) == ["2027-01-12T10:00:00Z", "2027-04-14T09:00:00Z", "2027-07-13T09:00:00Z"])
        #expect(read.values.allSatisfy { $0.vtimezone == $0.zoneinfo }, "\(read.values)")
        #expect(read.zones.allSatisfy { $0.mismatches.isEmpty }, "\(read.zones.map(\.mismatches))")
    }
}
