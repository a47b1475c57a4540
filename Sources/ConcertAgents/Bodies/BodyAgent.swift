import ConcertCore
import Foundation
import Logging

/// A body of the plan (the committee, a working group) as an agent: it keeps its meetings
/// placed on the calendar ahead of time and convenes each one a set number of working days
/// before it, freezing the agenda and sending it to the members' focal points.
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

    public init(body: BodyID, ledger: Ledger, timeline: Timeline, logger: Logger) {
        self.body = body
        self.ledger = ledger
        self.timeline = timeline
        self.logger = logger
        self.author = Author.agent(body.rawValue)
    }

    /// Places the meetings within the horizon and schedules their convocations.
    public func start() async {
        await lookAhead(at: timeline.clock.now)
    }

    private func lookAhead(at now: Date) async {
        var state = await ledger.currentState
        guard let declared = state.plan.bodies.first(where: { $0.id == body }),
            let calendar = try? state.plan.businessCalendar()
        else { return }
        for meeting in state.plan.plannedMeetings(
            of: declared, from: now, through: now.addingTimeInterval(Self.horizon), calendar: calendar)
        where state.meetings[meeting.id] == nil {
            await submit(.scheduleMeeting(meeting), what: "schedule \(meeting.id)")
        }
        state = await ledger.currentState
        for meeting in state.meetings.values where meeting.body == body && meeting.status == .scheduled {
            let at = calendar.convocationTime(forMeetingAt: meeting.start, workingDaysBefore: declared.convocationNotice)
            let id = meeting.id
            await timeline.schedule("convene:\(id)", at: at) { [weak self] _ in
                await self?.convene(id)
            }
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
