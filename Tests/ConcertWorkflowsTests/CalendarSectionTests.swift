import ConcertCore
import ConcertWorkflows
import Foundation
import Testing

/// The `calendar:` section, and the checks on each body's cadence.
@Suite struct CalendarSectionTests {
    static let calendar = """
        calendar:
          working_days: [MO, TU, WE, TH, FR, SA]
          working_hours: {start: "08:30", end: "16:00"}
          national_holidays: PT
          holidays:
            - {date: 2026-06-13, name: "Santo António (Lisbon)"}
            - date: 2026-02-17
              name: "Carnaval"
          meeting_on_holiday: move_to_previous_working_day
        """

    @Test func readsTheSection() throws {
        let fixture = try WorkflowFixture(["calendar.yaml": Self.calendar])
        defer { fixture.remove() }
        let plan = try fixture.load().get()
        #expect(
            plan.calendar
                == BusinessCalendarDeclaration(
                    workingDays: [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday],
                    workingHours: WorkingHours(
                        start: LocalTime(hour: 8, minute: 30)!, end: LocalTime(hour: 16, minute: 0)!)!,
                    nationalHolidays: .portugal,
                    holidays: [
                        Holiday(date: CalendarDate(iso: "2026-02-17")!, name: "Carnaval"),
                        Holiday(date: CalendarDate(iso: "2026-06-13")!, name: "Santo António (Lisbon)"),
                    ],
                    meetingOnHoliday: .moveToPreviousWorkingDay))
        let calendar = try plan.businessCalendar()
        #expect(calendar.timeZone.identifier == "Europe/Lisbon")
        #expect(!calendar.isWorkingDay(CalendarDate(iso: "2026-02-17")!))
        #expect(calendar.isWorkingDay(CalendarDate(iso: "2026-02-21")!))  // a Saturday, worked here
        #expect(!calendar.isWorkingDay(CalendarDate(iso: "2026-12-08")!))
    }

    @Test func everyKeyIsOptional() throws {
        let fixture = try WorkflowFixture(["calendar.yaml": "calendar:\n  national_holidays: PT\n"])
        defer { fixture.remove() }
        let plan = try fixture.load().get()
        #expect(plan.calendar == BusinessCalendarDeclaration(nationalHolidays: .portugal))
        let empty = try WorkflowFixture(["calendar.yaml": "calendar: {}\n"])
        defer { empty.remove() }
        #expect(try empty.load().get().calendar == .standard)
        // Unquoted times stay text (YAML 1.1 would read 09:00 as a base-60 number).
        let unquoted = try WorkflowFixture(["calendar.yaml": "calendar:\n  working_hours: {start: 08:00, end: 16:00}\n"]
        )
        defer { unquoted.remove() }
        #expect(try unquoted.load().get().calendar.workingHours.description == "08:00-16:00")
    }

    @Test func withoutTheSectionThePlanHasTheStandardCalendar() throws {
        let fixture = try WorkflowFixture()
        defer { fixture.remove() }
        let plan = try fixture.load().get()
        #expect(plan.calendar == .standard)
        #expect(try plan.businessCalendar().isWorkingDay(CalendarDate(iso: "2026-12-08")!))
    }

    @Test func wrongValuesAreReportedWhereTheyAre() throws {
        let calendar = """
            calendar:
              working_days: [MO, TU, MO, Friday]
              working_hours: {start: "9:00", end: "25:00"}
              national_holidays: ES
              holidays:
                - {date: 2026-02-30, name: "Nowhere"}
                - {date: 2026-06-13}
                - {date: 2026-06-13, name: "Twice"}
                - "2026-12-24"
              meeting_on_holiday: move_to_next_day
              timezone: Europe/Lisbon
            """
        expectDiagnostics(
            try diagnostics(["calendar.yaml": calendar]),
            [
                "calendar.yaml:2:26: 'working_days' of calendar lists 'MO' twice",
                "calendar.yaml:2:30: an item of 'working_days' of calendar 'Friday' is not one of: MO, TU, WE, TH, FR, SA, SU",
                "calendar.yaml:3:26: 'start' of working hours '9:00' is not a time of day (HH:MM, 00:00 to 23:59)",
                "calendar.yaml:3:39: 'end' of working hours '25:00' is not a time of day (HH:MM, 00:00 to 23:59)",
                "calendar.yaml:4:22: 'national_holidays' of calendar 'ES' is not one of: PT",
                "calendar.yaml:6:14: 'date' of holiday 2026-02-30 '2026-02-30' is not a valid date (YYYY-MM-DD)",
                "calendar.yaml:7:7: holiday 2026-06-13 is missing required key 'name'",
                "calendar.yaml:8:14: duplicate holiday 2026-06-13; first declared at calendar.yaml:7:14",
                "calendar.yaml:9:7: holiday #4 must be a mapping, found the quoted string '2026-12-24'",
                "calendar.yaml:10:23: 'meeting_on_holiday' of calendar 'move_to_next_day' is not one of: move_to_next_working_day, move_to_previous_working_day, keep, cancel",
                "calendar.yaml:11:3: unknown key 'timezone' in calendar (allowed: working_days, working_hours, national_holidays, holidays, meeting_on_holiday)",
            ])
    }

    @Test func shapesAndRanges() throws {
        let calendar = """
            calendar:
              working_days: []
              working_hours: {start: "17:30", end: "09:00", lunch: "13:00"}
              holidays: {date: 2026-06-13}
            """
        expectDiagnostics(
            try diagnostics(["calendar.yaml": calendar]),
            [
                "calendar.yaml:2:17: 'working_days' of calendar must name at least one working day",
                "calendar.yaml:3:40: 'end' of working hours (09:00) must be after their 'start' (17:30)",
                "calendar.yaml:3:49: unknown key 'lunch' in working hours (allowed: start, end)",
                "calendar.yaml:4:13: 'holidays' of calendar must be a list, found a mapping",
            ])
        expectDiagnostics(
            try diagnostics(["calendar.yaml": "calendar:\n  working_hours: {start: \"09:00\"}\n  working_days: MO\n"]),
            [
                "calendar.yaml:2:18: working hours is missing required key 'end'",
                "calendar.yaml:3:17: 'working_days' of calendar must be a list, found 'MO'",
            ])
    }

    @Test func sectionDeclaredTwice() throws {
        expectDiagnostics(
            try diagnostics(["calendar.yaml": "calendar: {}\n", "zz.yaml": "calendar:\n  national_holidays: PT\n"]),
            [
                "zz.yaml:1:1: section 'calendar' is already declared at calendar.yaml:1:1; only entities, measures and bodies may be split over several files"
            ])
    }

    @Test func rruleIsCheckedWithTheRecurrenceParser() throws {
        let bodies = """
            bodies:
              - id: committee
                name: "Committee"
                kind: committee
                members: [mai]
                cadence:
                  rrule: "FREQ=MONTHLY;BYDAY=2TU;BYHOUR=10"
                  first: 2026-01-13T10:00
                  duration_minutes: 60
              - id: working-group
                name: "Working group"
                kind: working_group
                members: [mai]
                cadence: {rrule: "FREQ=WEEKLY;BYDAY=1TH", first: 2026-01-08T10:00, duration_minutes: 60}
              - id: monitoring
                name: "Monitoring"
                kind: monitoring
                members: [sef]
                cadence: {rrule: "FREQ=MONTHLY;COUNT=3;UNTIL=20261231", first: 2026-01-08T25:00, duration_minutes: 60}
            """
        expectDiagnostics(
            try diagnostics(["bodies.yaml": bodies]),
            [
                "bodies.yaml:7:14: 'rrule' of cadence of body committee 'FREQ=MONTHLY;BYDAY=2TU;BYHOUR=10' is not a valid RRULE: BYHOUR is not supported: every occurrence starts at the time of day of the first one",
                "bodies.yaml:14:22: 'rrule' of cadence of body working-group 'FREQ=WEEKLY;BYDAY=1TH' is not a valid RRULE: BYDAY '1TH' has an ordinal, which needs FREQ=MONTHLY or FREQ=YEARLY (RFC 5545); with FREQ=WEEKLY write the weekday alone",
                "bodies.yaml:19:22: 'rrule' of cadence of body monitoring 'FREQ=MONTHLY;COUNT=3;UNTIL=20261231' is not a valid RRULE: COUNT and UNTIL must not both be given (RFC 5545)",
                "bodies.yaml:19:68: 'first' of cadence of body monitoring '2026-01-08T25:00' is not a valid local time (YYYY-MM-DDTHH:MM)",
            ])
    }

    /// The first meeting must be a meeting of the cadence: otherwise the series would start
    /// later than written (RFC 5545 requires DTSTART to match; dateutil skips it).
    @Test func firstMeetingMustBeAnOccurrence() throws {
        let bodies = """
            bodies:
              - id: committee
                name: "Committee"
                kind: committee
                members: [mai]
                cadence:
                  rrule: "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU"
                  first: 2026-01-14T10:00
                  duration_minutes: 120
              - id: council
                name: "Council"
                kind: consultative
                members: [mai]
                cadence: {rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", first: 2026-02-01T10:00, duration_minutes: 60}
              - id: ended
                name: "Ended"
                kind: thematic_group
                members: [mai]
                cadence: {rrule: "FREQ=WEEKLY;UNTIL=20260108T095959Z", first: 2026-01-08T10:00, time_zone: UTC, duration_minutes: 60}
            """
        expectDiagnostics(
            try diagnostics(["bodies.yaml": bodies]),
            [
                "bodies.yaml:8:14: 'first' of cadence of body committee (2026-01-14T10:00) is not an occurrence of its rrule (FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU); the first one after it is 2026-04-14T10:00",
                "bodies.yaml:14:22: 'rrule' of cadence of body council (FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30) has no occurrence on or after its 'first' (2026-02-01T10:00)",
                "bodies.yaml:19:22: 'rrule' of cadence of body ended (FREQ=WEEKLY;UNTIL=20260108T095959Z) has no occurrence on or after its 'first' (2026-01-08T10:00)",
            ])
    }
}
