import ConcertCore
import Foundation
import Logging

/// A body of the plan (the committee, a working group) as an agent: it keeps its meetings
/// placed on the calendar ahead of time and convenes each one the body's declared number of
/// working days before it, freezing the agenda and sending it to the members' focal points.
/// It follows the log, so a meeting a coordinator moves, cancels or calls is convened (or not)
/// accordingly.
public actor BodyAgent {
    /// How far ahead meetings are placed.
    public static let horizon: TimeInterval = 120 * 86_400
    /// How often the agent looks ahead again.
    public static let lookAheadInterval: TimeInterval = 7 * 86_400

    public let body: BodyID
    private let ledger: Ledger
    private let timeline: Timeline
    private let logger: Logger
    private let author: Author
    /// The log's live stream, taken before the first look-ahead so no change is missed.
    private var events: AsyncThrowingStream<RecordedPlanEvent, any Error>?

    public init(body: BodyID, ledger: Ledger, timeline: Timeline, logger: Logger) {
        self.body = body
        self.ledger = ledger
        self.timeline = timeline
        self.logger = logger
        self.author = Author.agent(body.rawValue)
    }

    /// Places the meetings within the horizon and schedules their convocations.
    public func start() async {
        if events == nil { events = await ledger.subscribe().events }
        await lookAhead(at: timeline.clock.now)
    }

    /// Follows committed events about this body's meetings until cancelled.
    public func run() async {
        if events == nil { events = await ledger.subscribe().events }
        guard let events else { return }
        self.events = nil
        do {
            for try await recorded in events {
                await follow(recorded.event)
            }
        } catch {
            logger.warning("body agent lagged behind the event stream; looking ahead again", metadata: ["body": "\(body)"])
            await start()
            await run()
        }
    }

    private func follow(_ event: PlanEvent) async {
        switch event {
        case .meetingScheduled(let e) where e.body == body:
            await scheduleConvocation(of: e.meeting)
        case .meetingRescheduled(let e):
            await scheduleConvocation(of: e.meeting)
        case .meetingCancelled(let e):
            await timeline.cancel(Self.convocationKey(e.meeting))
        default:
            break
        }
    }

    private static func convocationKey(_ meeting: String) -> String { "convene:\(meeting)" }

    /// Schedules the convocation of a meeting of this body that waits for one; at once when its
    /// time has already passed (a meeting called or moved at short notice).
    private func scheduleConvocation(of id: String) async {
        let state = await ledger.currentState
        guard let meeting = state.meetings[id], meeting.body == body, meeting.status == .scheduled,
            let declared = state.body(body), let calendar = try? state.plan.businessCalendar()
        else { return }
        let at = calendar.convocationTime(forMeetingAt: meeting.start, workingDaysBefore: declared.convocationNotice)
        await timeline.schedule(Self.convocationKey(id), at: at) { [weak self] _ in
            await self?.convene(id)
        }
    }

    private func lookAhead(at now: Date) async {
        var state = await ledger.currentState
        guard let declared = state.body(body), let calendar = try? state.plan.businessCalendar() else { return }
        for meeting in state.plan.plannedMeetings(
            of: declared, from: now, through: now.addingTimeInterval(Self.horizon), calendar: calendar)
        where state.meetings[meeting.id] == nil {
            await submit(.scheduleMeeting(meeting), what: "schedule \(meeting.id)")
        }
        state = await ledger.currentState
        for meeting in state.meetings.values where meeting.body == body && meeting.status == .scheduled {
            await scheduleConvocation(of: meeting.id)
        }
        await timeline.schedule("look-ahead:\(body)", at: now.addingTimeInterval(Self.lookAheadInterval)) {
            [weak self] at in
            await self?.lookAhead(at: at)
        }
    }

    private func convene(_ meeting: String) async {
        await submit(.conveneMeeting(meeting: meeting), what: "convene \(meeting)")
    }

    private func submit(_ command: PlanCommand, what: String) async {
        do {
            _ = try await ledger.submit(CommandEnvelope(author: author, command: command))
            logger.info("\(what)", metadata: ["body": "\(body)"])
        } catch let rejection as CommandRejection {
            logger.debug("nothing to do", metadata: ["body": "\(body)", "action": "\(what)", "why": "\(rejection)"])
        } catch {
            logger.error("could not \(what)", metadata: ["body": "\(body)", "error": "\(error)"])
        }
    }
}
