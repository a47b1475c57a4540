import ConcertCore
import Foundation
import ICalendar

/// The one place that turns a meeting into iCalendar: the calendar export and the convocation
/// mails both go through it, so a calendar program sees one event per meeting whatever brought
/// it.
///
/// Every event of a meeting has the UID `<meeting id>@<plan id>.concert`, the same across every
/// change, and the meeting's recorded `sequence` as its SEQUENCE, so a client replaces the
/// event it holds instead of adding another. A meeting still scheduled is TENTATIVE, a
/// convened or held one CONFIRMED, a cancelled one CANCELLED; a meeting only projected from
/// its body's cadence is TENTATIVE with SEQUENCE 0.
///
/// ```swift
/// let mail = try MeetingInvitation.request(for: meeting, in: state, stamp: now)   // METHOD:REQUEST
/// let feed = MeetingInvitation.document(events: events, method: .publish)
/// ```
public enum MeetingInvitation {
    /// `PRODID` of every document Concert writes.
    public static let productID = "-//Concert//concertd//EN"

    /// The UID of a meeting's events: `<meeting id>@<plan id>.concert`.
    public static func uid(of meeting: String, in plan: Plan) -> String {
        "\(meeting)@\(plan.id).concert"
    }

    /// The event of a recorded meeting as it stands.
    ///
    /// The description holds the numbered agenda (frozen once convened, provisional before),
    /// why the meeting was called, moved or cancelled, and the holiday it was moved from. The
    /// attendees are, once convened, exactly the focal points the convocation went to; before,
    /// the focal points of the body's member entities. Focal points without an e-mail address
    /// are left out.
    ///
    /// - Parameters:
    ///   - meeting: The meeting as recorded.
    ///   - state: The plan state it belongs to (bodies, focal points, previous meetings).
    ///   - stamp: When this version is written out (`DTSTAMP`).
    public static func event(for meeting: MeetingRecord, in state: PlanState, stamp: Date) -> ICalendarEvent {
        let holiday = meeting.movedFrom.flatMap { day in
            (try? state.plan.businessCalendar())?.holiday(on: day)
        }
        return MeetingEventBuilder(state: state).event(for: meeting, holiday: holiday, stamp: stamp)
    }

    /// The event of a meeting projected from its body's cadence, not yet recorded: TENTATIVE,
    /// SEQUENCE 0, with the provisional agenda and the member entities' focal points.
    ///
    /// - Parameters:
    ///   - meeting: The meeting as the cadence and the business calendar place it.
    ///   - state: The plan state.
    ///   - stamp: When this version is written out (`DTSTAMP`).
    public static func event(for meeting: PlannedMeeting, in state: PlanState, stamp: Date) -> ICalendarEvent {
        let record = MeetingRecord(MeetingScheduled(meeting), at: stamp)
        return MeetingEventBuilder(state: state).event(for: record, holiday: meeting.movedFrom, stamp: stamp)
    }

    /// A document of `events` (with their `VTIMEZONE`s once serialized).
    ///
    /// - Parameters:
    ///   - events: The events, written in this order.
    ///   - method: `PUBLISH` for a feed or export (the default), nil for a plain file.
    public static func document(events: [ICalendarEvent], method: ICalendarMethod? = .publish) -> ICalendarDocument {
        ICalendarDocument(productID: productID, method: method, events: events)
    }

    /// The `METHOD:REQUEST` message for a meeting's convocation or an update of it (moved, an
    /// item added): the meeting's event as it stands, with its recorded SEQUENCE.
    ///
    /// - Throws: ``ICalendarError`` with code `schedulingRule` when the meeting is cancelled
    ///   (send ``cancel(for:in:stamp:)``), or the event has no organizer or no attendee with an
    ///   e-mail address.
    public static func request(
        for meeting: MeetingRecord, in state: PlanState, stamp: Date
    ) throws(ICalendarError) -> ICalendarDocument {
        guard meeting.status != .cancelled else {
            throw ICalendarError(
                .schedulingRule, "meeting \(meeting.id) is cancelled: send a CANCEL, not a REQUEST")
        }
        let event = event(for: meeting, in: state, stamp: stamp)
        try checkAddressed(event, meeting: meeting, method: .request)
        return document(events: [event], method: .request)
    }

    /// The `METHOD:CANCEL` message for a cancelled meeting: the same UID, STATUS:CANCELLED and
    /// the SEQUENCE recorded (which the cancellation raised), to the same attendees as the
    /// meeting's event (those convened, once it was convened).
    ///
    /// - Throws: ``ICalendarError`` with code `schedulingRule` when the event has no organizer or
    ///   no attendee with an e-mail address.
    public static func cancel(
        for meeting: MeetingRecord, in state: PlanState, stamp: Date
    ) throws(ICalendarError) -> ICalendarDocument {
        var event = event(for: meeting, in: state, stamp: stamp)
        event.status = .cancelled
        try checkAddressed(event, meeting: meeting, method: .cancel)
        return document(events: [event], method: .cancel)
    }

    /// The rules of a scheduling message the domain can break: someone to send it from, and
    /// someone to send it to.
    private static func checkAddressed(
        _ event: ICalendarEvent, meeting: MeetingRecord, method: ICalendarMethod
    ) throws(ICalendarError) {
        guard event.organizer != nil else {
            throw ICalendarError(
                .schedulingRule,
                "meeting \(meeting.id) has no organizer for a \(method.rawValue): its body's secretariat has no "
                    + "technical focal point, nor its chair a political one, with an e-mail address")
        }
        guard !event.attendees.isEmpty else {
            throw ICalendarError(
                .schedulingRule,
                "meeting \(meeting.id) has no attendee with an e-mail address for a \(method.rawValue)")
        }
    }
}
