import ArgumentParser

/// The root command: lists the subcommands and their shared options.

struct Concertctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concertctl",
        abstract: "Coordinate a national migration plan: query measures, report progress, run meetings, follow events.",
        discussion: """
            concertctl talks to concertd over its Varlink control socket. The socket is taken from \
            --socket, then $CONCERT_SOCKET, then /run/concert/io.concert.sock.

            Every command takes --json for output that scripts can read.

            Exit codes: 0 done; 1 refused by the plan's rules or invalid input; 2 no such measure, \
            entity or other named thing; 3 permission denied; 64 usage error; 69 the daemon cannot be \
            reached; 70 protocol or internal error; 75 temporarily not recorded (retry).

            Examples:
              concertctl status
              concertctl measures --axis 3 --overdue
              concertctl measure show M07
              concertctl report M07 --status in_progress --indicator projects_funded=4
              concertctl replan M07 --deadline 2027-06-30 --reason "procurement delayed"
              concertctl events --follow
              concertctl meetings --body committee
              concertctl meeting show committee-2027-04-13
              concertctl agenda add committee-2027-04-13 "e-VISA delays" --measure M01
              concertctl minutes record committee-2027-04-13 --file minutes.yaml
              concertctl tasks --status open
              concertctl task complete T3 --note "published"
              concertctl focal-point away aima-technical --from 2027-04-01 --to 2027-04-30
              concertctl notices --failed
              concertctl notice redeliver meeting.committee-2027-04-13.aima-technical@pnipgm.concert
              concertctl escalations --state open
              concertctl ack E4
              concertctl snooze E4 --until 2027-03-01 --reason "waiting for the budget law"
              concertctl reports --period 2027-02
              concertctl workflow validate Workflows/pnipgm
            """,
        version: "0.1.0",
        subcommands: [
            Status.self, Summary.self, Measures.self, MeasureCommand.self, Entities.self, Report.self, Replan.self,
            Reopen.self, Events.self, Meetings.self, MeetingCommand.self, AgendaCommand.self, MinutesCommand.self,
            Tasks.self, TaskCommand.self, FocalPoints.self, FocalPointCommand.self, Notices.self, NoticeCommand.self,
            Escalations.self, EscalationCommand.self, Ack.self, Snooze.self, Reports.self, Clock.self, Calendar.self,
            Simulate.self, Workflow.self, Reload.self,
        ])
}
